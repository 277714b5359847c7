// Writing output files atomically (temporary file, then rename).
#include "hallyu/io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

#include "hallyu/error.hpp"

namespace hallyu::io {

void write_file_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw DataError(target.string() + ": directory " + directory.string() + " does not exist");
  if (fs::is_directory(target, ec)) throw DataError(target.string() + ": is a directory");
  std::random_device entropy;
  fs::path temporary = directory / ("." + target.filename().string() + ".tmp-" + std::to_string(entropy()));
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw DataError(target.string() + ": cannot write: " + std::strerror(errno));
      write(out);
      out.flush();
      if (!out) throw DataError(target.string() + ": write failed (disk full?)");
    }
    // fsync so that a crash after rename cannot leave an empty file under the target's name.
    int fd = ::open(temporary.c_str(), O_RDONLY);
    if (fd >= 0) {
      ::fsync(fd);
      ::close(fd);
    }
    fs::rename(temporary, target, ec);
    if (ec) throw DataError(target.string() + ": cannot replace: " + ec.message());
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
}

}  // namespace hallyu::io
