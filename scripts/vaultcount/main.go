// Command vaultcount prints the number of check-ins in the encrypted
// journal of a data directory, for scripts that drive the real app on an
// encrypted journal (scripts/smoke-network).
//
//	go run ./scripts/vaultcount -data-dir DIR -passphrase "…"
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/steadyapp/steady/data"
)

func main() {
	dir := flag.String("data-dir", "", "the data directory of an encrypted journal (required)")
	pass := flag.String("passphrase", "", "its passphrase (required)")
	flag.Parse()
	if *dir == "" || *pass == "" {
		fmt.Fprintln(os.Stderr, "vaultcount: -data-dir and -passphrase are required")
		os.Exit(2)
	}
	n, err := count(*dir, *pass)
	if err != nil {
		fmt.Fprintln(os.Stderr, "vaultcount:", err)
		os.Exit(1)
	}
	fmt.Println(n)
}

func count(dir, pass string) (int, error) {
	st, err := data.OpenEncrypted(dir, pass)
	if err != nil {
		return 0, err
	}
	n, err := st.Count()
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return n, err
}
