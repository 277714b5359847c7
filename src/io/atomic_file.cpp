// Output files: regular files replaced atomically (mode kept, symlinks followed), character devices
// and FIFOs written through, anything else refused.
#include "hallyu/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <random>

#include "hallyu/error.hpp"

namespace hallyu::io {
namespace {

namespace fs = std::filesystem;

std::string error_text() { return std::strerror(errno); }

// The path a chain of symlinks ends at (which need not exist: a dangling link names the file to create).
fs::path follow_links(const fs::path& target) {
  fs::path at = target;
  for (int hops = 0; hops < 40; ++hops) {
    struct ::stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    std::error_code ec;
    fs::path next = fs::read_symlink(at, ec);
    if (ec) throw DataError(target.string() + ": cannot read the link: " + ec.message());
    at = next.is_absolute() ? next : at.parent_path() / next;
  }
  throw DataError(target.string() + ": too many levels of symbolic links");
}

// Runs `write` on a stream over `fd`, which it owns; throws naming `target` if anything fails.
void write_to_descriptor(int fd, const fs::path& target, const std::function<void(std::ostream&)>& write, bool sync) {
  __gnu_cxx::stdio_filebuf<char> buffer(fd, std::ios::out | std::ios::binary);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (!out) throw DataError(target.string() + ": write failed: " + error_text());
  // fsync so that a crash after rename cannot leave an empty file under the target's name.
  if (sync && ::fsync(fd) != 0 && errno != EINVAL) throw DataError(target.string() + ": write failed: " + error_text());
  if (buffer.close() == nullptr) throw DataError(target.string() + ": write failed: " + error_text());
}

}  // namespace

void write_file_atomically(const fs::path& requested, const std::function<void(std::ostream&)>& write) {
  const fs::path target = follow_links(requested);
  struct ::stat st {};
  bool exists = ::lstat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw DataError(requested.string() + ": is a directory");
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
    // Written through, like a shell redirection: there is no file to replace (think /dev/null, or a
    // FIFO a consumer reads). O_CREAT is not given, so a race cannot create a file instead.
    int fd = ::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) throw DataError(requested.string() + ": cannot write: " + error_text());
    struct ::stat opened {};
    if (::fstat(fd, &opened) != 0 || !(S_ISCHR(opened.st_mode) || S_ISFIFO(opened.st_mode))) {
      ::close(fd);
      throw DataError(requested.string() + ": changed while being opened");
    }
    write_to_descriptor(fd, requested, write, false);
    return;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    throw DataError(requested.string() + ": is neither a regular file, a character device nor a FIFO; not replacing it");
  }
  fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw DataError(requested.string() + ": directory " + directory.string() + " does not exist");
  std::random_device entropy;
  fs::path temporary = directory / ("." + target.filename().string() + ".tmp-" + std::to_string(entropy()));
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) throw DataError(requested.string() + ": cannot write: " + error_text());
  bool owned = true;  // until write_to_descriptor takes the descriptor
  try {
    if (exists) {  // the replacement keeps the file's permissions (and, where allowed, its owner)
      if (::fchmod(fd, st.st_mode & 07777) != 0) throw DataError(requested.string() + ": cannot set the mode: " + error_text());
      if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) {
        [[maybe_unused]] int ignored = ::fchown(fd, st.st_uid, st.st_gid);  // only root may; others get their own file
      }
    }
    owned = false;
    write_to_descriptor(fd, requested, write, true);
    fs::rename(temporary, target, ec);
    if (ec) throw DataError(requested.string() + ": cannot replace: " + ec.message());
  } catch (...) {
    if (owned) ::close(fd);
    fs::remove(temporary, ec);
    throw;
  }
}

}  // namespace hallyu::io
