package data

import (
	"errors"
	"testing"
)

// productionKDF makes the vaults of the calling test at Steady's own cost.
// The test must not be parallel (parallel tests start only after every
// sequential one has finished, so they never see the change).
func productionKDF(t *testing.T) {
	t.Helper()
	saved := newVaultCost
	newVaultCost = vaultKDF{Alg: "argon2id", MemoryKiB: kdfMemoryKiB, Time: kdfTime, Threads: kdfThreads}
	t.Cleanup(func() { newVaultCost = saved })
}

// TestProductionCostVault: a journal encrypted at Steady's own cost records
// it, and opens again with its passphrase and with no other.
func TestProductionCostVault(t *testing.T) {
	productionKDF(t)
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassphrase(testPass); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	h, err := readVaultHeader(vaultPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if h.KDF.MemoryKiB != kdfMemoryKiB || h.KDF.Time != kdfTime || h.KDF.Threads != kdfThreads {
		t.Errorf("KDF %+v, want %d KiB × %d passes × %d threads", h.KDF, kdfMemoryKiB, kdfTime, kdfThreads)
	}
	if _, err := OpenEncrypted(dir, "not the passphrase"); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v, want ErrWrongPassphrase", err)
	}
	s, err = OpenEncrypted(dir, testPass)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}
