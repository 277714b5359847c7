// Seeded pseudo-random streams for randomised algorithms (Louvain, Leiden, label propagation,
// sampled betweenness): SplitMix64 with our own shuffles and ranges, so a seed gives the same numbers
// on every platform and standard library (std::uniform_*_distribution is implementation-defined).
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace hallyu {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) from 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n) for 0 < n < 2^53.
  std::uint64_t below(std::uint64_t n) { return std::min(n - 1, static_cast<std::uint64_t>(unit() * static_cast<double>(n))); }
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::uint64_t state_;
};

// A run's stream for `seed`: the seed mixed so that nearby seeds start far apart.
inline SplitMix64 seeded_stream(std::uint64_t seed) { return SplitMix64(seed ^ 0x5851f42d4c957f2dULL); }

}  // namespace hallyu
