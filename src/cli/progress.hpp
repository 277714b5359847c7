// A progress line on stderr for long work, only when stderr is a terminal (never in pipes or CI).
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "common.hpp"

namespace hallyu::cli {

class ProgressLine {
 public:
  explicit ProgressLine(std::string label, std::string unit = "") : label_(std::move(label)), unit_(std::move(unit)), enabled_(stderr_is_terminal()) {}
  ~ProgressLine() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  void operator()(std::size_t done, std::size_t total) {
    if (!enabled_ || total == 0) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200) && done < total) return;
    last_ = now;
    shown_ = true;
    std::fprintf(stderr, "\r%s: %3.0f%% (%zu/%zu%s)", label_.c_str(), 100.0 * static_cast<double>(done) / static_cast<double>(total),
                 done, total, unit_.c_str());
    std::fflush(stderr);
  }

 private:
  std::string label_;
  std::string unit_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace hallyu::cli
