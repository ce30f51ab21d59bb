// has-window PID: exits 0 when the process PID has a window on screen, 1
// when it has none (yet), 2 on bad arguments. release.yml polls it while
// Steady.app starts from the .dmg on an Intel Mac. Listing windows by
// owner PID needs no Screen Recording or Accessibility permission.
import CoreGraphics
import Foundation

guard CommandLine.arguments.count == 2, let pid = Int(CommandLine.arguments[1]) else {
    FileHandle.standardError.write("usage: has-window PID\n".data(using: .utf8)!)
    exit(2)
}
let windows = CGWindowListCopyWindowInfo([.optionOnScreenOnly], kCGNullWindowID) as? [[String: Any]] ?? []
let found = windows.contains { ($0[kCGWindowOwnerPID as String] as? Int) == pid }
exit(found ? 0 : 1)
