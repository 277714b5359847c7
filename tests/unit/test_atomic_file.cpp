// Output files: what -o does with what is already at the path (regular files, modes, symlinks,
// hard links, devices, FIFOs, directories), and that failures leave nothing behind.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "../integration/cli_runner.hpp"
#include "hallyu/error.hpp"
#include "hallyu/io/atomic_file.hpp"

using namespace hallyu;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

void write_text(const fs::path& path, const std::string& text) {
  io::write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

fs::path fresh(const std::string& name) {
  fs::path p = test::scratch_dir() / "atomic" / name;
  fs::create_directories(p.parent_path());
  fs::remove(p);
  return p;
}

mode_t mode_of(const fs::path& p) {
  struct ::stat st {};
  REQUIRE(::lstat(p.c_str(), &st) == 0);
  return st.st_mode;
}

}  // namespace

TEST_CASE("a replaced file keeps its mode", "[atomic_file]") {
  fs::path p = fresh("private.txt");
  test::write_scratch("atomic/private.txt", "old");
  REQUIRE(::chmod(p.c_str(), 0600) == 0);
  write_text(p, "new");
  CHECK(test::slurp(p) == "new");
  CHECK((mode_of(p) & 07777) == 0600);
  REQUIRE(::chmod(p.c_str(), 0640) == 0);
  write_text(p, "newer");
  CHECK((mode_of(p) & 07777) == 0640);
}

TEST_CASE("a symlink is followed: the file it points at is replaced, the link stays", "[atomic_file]") {
  fs::path real = fresh("real.svg"), link = fresh("link.svg");
  test::write_scratch("atomic/real.svg", "old");
  fs::create_symlink("real.svg", link);  // relative, as links usually are
  write_text(link, "new");
  CHECK(S_ISLNK(mode_of(link)));
  CHECK(test::slurp(real) == "new");
  // A dangling link names the file to create.
  fs::path target = fresh("made.svg"), dangling = fresh("dangling.svg");
  fs::create_symlink(target, dangling);
  write_text(dangling, "made");
  CHECK(S_ISLNK(mode_of(dangling)));
  CHECK(test::slurp(target) == "made");
}

TEST_CASE("other hard links keep the old content (documented)", "[atomic_file]") {
  fs::path a = fresh("a.txt"), b = fresh("b.txt");
  test::write_scratch("atomic/a.txt", "old");
  fs::create_hard_link(a, b);
  write_text(a, "new");
  CHECK(test::slurp(a) == "new");
  CHECK(test::slurp(b) == "old");
}

TEST_CASE("character devices and FIFOs are written through, never replaced", "[atomic_file]") {
  write_text("/dev/null", "into the void");
  CHECK(S_ISCHR(mode_of("/dev/null")));
  CHECK_THROWS_WITH(write_text("/dev/full", std::string(1 << 16, 'x')), Contains("/dev/full: write failed"));
  CHECK(S_ISCHR(mode_of("/dev/full")));

  fs::path fifo = fresh("out.fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // a consumer, so opening for writing does not wait
  REQUIRE(reader >= 0);
  write_text(fifo, "through the pipe");
  std::string got;
  char buffer[256];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{reader, POLLIN, 0};
    ::poll(&p, 1, 100);
    ssize_t n = ::read(reader, buffer, sizeof buffer);
    if (n > 0) got.append(buffer, static_cast<std::size_t>(n));
    if (n == 0 && !got.empty()) break;
  }
  ::close(reader);
  CHECK(got == "through the pipe");
  CHECK(S_ISFIFO(mode_of(fifo)));
}

TEST_CASE("directories are refused; a failed write leaves no file", "[atomic_file][errors]") {
  fs::path dir = fresh("adir");
  fs::create_directories(dir);
  CHECK_THROWS_WITH(write_text(dir, "x"), Contains("is a directory"));
  CHECK_THROWS_WITH(write_text(test::scratch_dir() / "no" / "such" / "x.svg", "x"), Contains("does not exist"));
  fs::path p = fresh("kept.txt");
  test::write_scratch("atomic/kept.txt", "kept");
  CHECK_THROWS(io::write_file_atomically(p, [](std::ostream& out) {
    out << "partial";
    throw DataError("refused half way");
  }));
  CHECK(test::slurp(p) == "kept");
  std::size_t leftovers = 0;
  for (const auto& entry : fs::directory_iterator(p.parent_path())) leftovers += entry.path().filename().string().find(".tmp-") != std::string::npos;
  CHECK(leftovers == 0);
}
