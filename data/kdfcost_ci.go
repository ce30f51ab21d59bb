//go:build ci

package data

import (
	"os"
	"testing"
)

// testVaultCost is the Argon2id cost of the vaults that tests make: the
// cheapest a vault may ask for (validKDF), about 1/32 of the work of
// Steady's 64 MiB × 4 passes. Key derivation made the encrypted tests of
// data and ui take minutes; what they check does not depend on the cost,
// which every vault records in its header.
var testVaultCost = vaultKDF{Alg: "argon2id", MemoryKiB: minKDFMemoryKiB, Time: 1, Threads: 1}

// init lowers the cost of new vaults only in a test binary built with the
// ci tag (how `make unit` and CI run the tests; Steady is never built with
// it, and even then only a test binary is affected). A test binary re-run
// as a crash test's child process makes vaults at the same cost.
// STEADY_TEST_KDF=production runs every test at Steady's own cost, and
// TestVaultChunkLayout and TestProductionCostVault always do.
func init() {
	if testing.Testing() && os.Getenv("STEADY_TEST_KDF") != "production" {
		newVaultCost = testVaultCost
	}
}
