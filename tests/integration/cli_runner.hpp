// Runs the real hallyu binary and captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace hallyu::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path scratch_dir() {
  auto dir = std::filesystem::temp_directory_path() / ("hallyu-tests-" + std::to_string(::getpid()));
  // Emptied on first use: an earlier run whose process had this pid may have left files that tests
  // check are absent (a refused render's output).
  static const std::uintmax_t stale = std::filesystem::remove_all(dir);
  (void)stale;
  std::filesystem::create_directories(dir);
  return dir;
}

// With `seconds` > 0 the command is killed after that long (exit 124): for tests of things that used to block.
// Standard input comes from `input_file` (/dev/null unless given).
inline RunResult run_hallyu(const std::vector<std::string>& args, int seconds = 0, const std::string& input_file = "/dev/null") {
  static int counter = 0;  // per translation unit; the file names below add the unit's address
  static const std::string unit = std::to_string(reinterpret_cast<std::uintptr_t>(&counter));
  auto dir = scratch_dir();
  auto out = dir / ("out" + unit + "-" + std::to_string(counter));
  auto err = dir / ("err" + unit + "-" + std::to_string(counter++));
  std::string command = seconds > 0 ? "timeout -k 2 " + std::to_string(seconds) + " " : std::string();
  command += shell_quote(HALLYU_BINARY);
  for (const auto& a : args) command += " " + shell_quote(a);
  command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " <" + shell_quote(input_file);
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

inline std::string write_scratch(const std::string& name, const std::string& body) {
  auto path = scratch_dir() / name;
  std::ofstream(path, std::ios::binary) << body;
  return path.string();
}

inline std::string fixture(const std::string& name) { return std::string(HALLYU_FIXTURES) + "/" + name; }

// The binary with `input` on its standard input.
inline RunResult run_hallyu_with_input(const std::vector<std::string>& args, const std::string& input) {
  static int counter = 0;
  auto file = scratch_dir() / ("stdin-" + std::to_string(reinterpret_cast<std::uintptr_t>(&counter)) + "-" + std::to_string(counter++));
  std::ofstream(file, std::ios::binary) << input;
  return run_hallyu(args, 0, file.string());
}

}  // namespace hallyu::test
