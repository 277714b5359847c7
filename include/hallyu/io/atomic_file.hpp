// Writes output files (`-o PATH`) so that readers never see a partial one: everything goes to a
// temporary file in the same directory, which replaces the target by rename() only once it is
// complete and flushed. What happens at PATH:
//   - nothing there: a new file (mode 0666 minus the umask);
//   - a regular file: replaced; the new file keeps its mode (and its owner when running as root).
//     Other hard links to it keep the old content, as with any atomic replacement;
//   - a symlink: followed (also when dangling), and the file it ends at is replaced, so the link
//     keeps working: what a shell redirection would write, without its partial files;
//   - a character device or a FIFO (/dev/null, /dev/stdout, a pipe a consumer reads): written
//     through, not atomically (there is no file to replace); never replaced by a regular file;
//   - a directory, socket or block device: refused.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace hallyu::io {

// Calls `write` with a stream to a temporary file, then renames it to `target`. If `write` throws
// or the disk fills, the temporary file is removed, `target` is untouched, and the error propagates
// (a DataError naming the file for I/O failures and refused targets).
void write_file_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

}  // namespace hallyu::io
