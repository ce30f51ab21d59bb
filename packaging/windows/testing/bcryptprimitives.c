/*
 * TEST-ONLY STAND-IN — NEVER SHIPPED, NEVER IN THE MSI.
 *
 * Every Windows that Steady supports (Windows 10 and 11) has
 * bcryptprimitives.dll in System32, and Go's runtime (1.24 and later) loads
 * ProcessPrng from it at start-up for its random numbers. Wine 8 (Debian 12)
 * has no such DLL, so a Go program dies there before main with
 * "bcryptprimitives.dll not found".
 *
 * scripts/test-wine and scripts/test-wine-go build this file with mingw-w64
 * and copy the DLL into the throwaway Wine prefix's C:\windows\system32 — a
 * DLL next to the .exe is not looked at for it. It is not part of any
 * package: scripts/package-windows never sees it, and scripts/test-package
 * checks that the .exe imports only system DLLs.
 *
 * ProcessPrng fills the buffer from RtlGenRandom (advapi32's
 * SystemFunction036), which Wine implements, in chunks RtlGenRandom's ULONG
 * length can hold. The real one never fails; this one reports FALSE if
 * RtlGenRandom does, which makes Go's runtime stop rather than go on with
 * bytes that are not random.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
