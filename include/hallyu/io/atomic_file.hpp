// Writes files so that readers never see a partial one: everything goes to a temporary file in the
// same directory, which replaces the target by rename() only once it is complete and flushed.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace hallyu::io {

// Calls `write` with a stream to a temporary file, then renames it to `target`. If `write` throws
// or the disk fills, the temporary file is removed, `target` is untouched, and the error propagates
// (a DataError naming the file for I/O failures).
void write_file_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write);

}  // namespace hallyu::io
