// Synthetic datasets in hallyu/1 for scale tests and benchmarks: groups under agencies, dramas on
// networks, power-law casting (a few actors in many dramas), OSTs sung mostly by a few specialists,
// collaborations; Korean-style names with Hangul aliases, so name collisions happen as in life.
// Deterministic per seed on every platform (own PRNG and distributions, not <random>'s).
#pragma once

#include <cstdint>
#include <ostream>

namespace hallyu::io {

struct SyntheticOptions {
  std::uint64_t idols = 1000;
  std::uint64_t seed = 1;
};

struct SyntheticCounts {
  std::uint64_t entities = 0;
  std::uint64_t relations = 0;
};

// Streams the dataset (one record per line) without holding it in memory.
SyntheticCounts write_synthetic_dataset(std::ostream& out, const SyntheticOptions& options);

}  // namespace hallyu::io
