// Centrality kernels: degree, Brandes betweenness (parallel, deterministic), sampled betweenness, closeness, harmonic, PageRank, eigenvector.
#include "hallyu/algo/centrality.hpp"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <thread>

#include "hallyu/error.hpp"
#include "hallyu/random.hpp"
#include "hallyu/text.hpp"

namespace hallyu::algo {
namespace {

constexpr std::int32_t kUnseen = -1;

unsigned thread_count(const ParallelOptions& options, std::size_t work) {
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(work, 1)));
}

[[noreturn]] void throw_interrupted() {
  throw UsageError("stopped before the end (time budget or cancelled)", ErrorCategory::interrupted);
}

// Runs body(first, last) over [0, n) in fixed blocks pulled by `threads` workers; then, in block
// order, merge(block_index, block_result). Block results are merged as soon as all earlier ones are,
// so at most a few are alive at once, and the merged sum is the same for any thread count.
template <typename BlockResult, typename Body, typename Merge>
void for_blocks(std::size_t n, std::size_t block_size, const ParallelOptions& options, Body body, Merge merge) {
  const std::size_t blocks = (n + block_size - 1) / block_size;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex lock;
  std::map<std::size_t, BlockResult> pending;
  std::size_t next_to_merge = 0, done = 0;
  auto worker = [&] {
    while (!stop.load(std::memory_order_relaxed)) {
      if (options.cancelled && options.cancelled()) {
        stop = true;
        return;
      }
      std::size_t b = next.fetch_add(1);
      if (b >= blocks) return;
      std::size_t first = b * block_size, last = std::min(n, first + block_size);
      BlockResult result = body(first, last);
      std::lock_guard<std::mutex> guard(lock);
      pending.emplace(b, std::move(result));
      while (!pending.empty() && pending.begin()->first == next_to_merge) {
        merge(next_to_merge, pending.begin()->second);
        pending.erase(pending.begin());
        ++next_to_merge;
      }
      done += last - first;
      if (options.progress) options.progress(done, n);
    }
  };
  unsigned threads = thread_count(options, blocks);
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (stop) throw_interrupted();
}

std::size_t block_size_for(std::size_t n) { return std::max<std::size_t>(1, std::min<std::size_t>(256, n / 64 + 1)); }

// Power iterations on several threads with the same answer for any thread count: each sweep runs
// sweep(first, last) over fixed blocks of vertices (a thread takes every threads-th block), and the
// blocks' sums are added in block order before after(total) decides whether to sweep again.
using BlockSums = std::pair<double, double>;
enum class Sweeps { go, stop, cancel };
template <typename Sweep, typename After>
void sweep_in_blocks(std::size_t n, unsigned threads, Sweep sweep, After after) {
  constexpr std::size_t kBlock = 4096;
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
  std::vector<BlockSums> sums(blocks);
  Sweeps state = Sweeps::go;
  // Runs on one thread while the others wait at the barrier; after() may throw (a cancel callback),
  // which a barrier's completion must not.
  auto complete = [&]() noexcept {
    BlockSums total{0, 0};
    for (const BlockSums& b : sums) total.first += b.first, total.second += b.second;
    try {
      state = after(total);
    } catch (...) {
      state = Sweeps::cancel;
    }
  };
  std::barrier sync(static_cast<std::ptrdiff_t>(threads), complete);
  auto worker = [&](unsigned t) {
    while (true) {
      for (std::size_t b = t; b < blocks; b += threads) sums[b] = sweep(b * kBlock, std::min(n, (b + 1) * kBlock));
      sync.arrive_and_wait();
      if (state != Sweeps::go) return;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& t : pool) t.join();
  if (state == Sweeps::cancel) throw_interrupted();
}

// After an iteration that changed the scores by `change` (L1): counted, then stopped when converged
// (NetworkX's rule, change < n x tol), at the iteration limit, or when cancelled.
Sweeps end_of_iteration(PowerIterationResult& result, double change, std::size_t n, const PowerIterationOptions& options) {
  ++result.iterations;
  if (change < static_cast<double>(n) * options.tolerance) {
    result.converged = true;
    return Sweeps::stop;
  }
  if (result.iterations >= options.max_iterations) return Sweeps::stop;
  return options.cancelled && options.cancelled() ? Sweeps::cancel : Sweeps::go;
}

// Per-thread BFS state, reset only where a search wrote.
struct BfsScratch {
  std::vector<std::int32_t> distance;
  std::vector<double> sigma, delta;
  std::vector<std::uint32_t> order;
  explicit BfsScratch(std::size_t n) : distance(n, kUnseen), sigma(n, 0.0), delta(n, 0.0) { order.reserve(n); }
  void reset() {
    for (std::uint32_t v : order) distance[v] = kUnseen, sigma[v] = 0.0, delta[v] = 0.0;
    order.clear();
  }
};

// BFS from s filling order (visit order), distance and shortest-path counts.
void count_paths(const SimpleGraph& g, std::uint32_t s, BfsScratch& scratch) {
  scratch.distance[s] = 0;
  scratch.sigma[s] = 1.0;
  scratch.order.push_back(s);
  for (std::size_t head = 0; head < scratch.order.size(); ++head) {
    std::uint32_t v = scratch.order[head];
    std::int32_t next = scratch.distance[v] + 1;
    for (std::uint32_t w : g.neighbors(v)) {
      if (scratch.distance[w] == kUnseen) {
        scratch.distance[w] = next;
        scratch.order.push_back(w);
      }
      if (scratch.distance[w] == next) scratch.sigma[w] += scratch.sigma[v];
    }
  }
}

// Distances from s: calls visit(distance) for every other reachable vertex.
template <typename Visit>
void distances_from(const SimpleGraph& g, std::uint32_t s, BfsScratch& scratch, Visit visit) {
  scratch.distance[s] = 0;
  scratch.order.push_back(s);
  for (std::size_t head = 0; head < scratch.order.size(); ++head) {
    std::uint32_t v = scratch.order[head];
    for (std::uint32_t w : g.neighbors(v)) {
      if (scratch.distance[w] != kUnseen) continue;
      scratch.distance[w] = scratch.distance[v] + 1;
      scratch.order.push_back(w);
      visit(scratch.distance[w]);
    }
  }
}

// A per-source score computed independently for every vertex (closeness, harmonic).
template <typename Score>
std::vector<double> per_source(const SimpleGraph& g, const ParallelOptions& options, Score score) {
  const std::size_t n = g.size();
  std::vector<double> result(n, 0.0);
  for_blocks<int>(
      n, block_size_for(n), options,
      [&](std::size_t first, std::size_t last) {
        BfsScratch scratch(n);
        for (std::size_t s = first; s < last; ++s) {
          result[s] = score(static_cast<std::uint32_t>(s), scratch);
          scratch.reset();
        }
        return 0;
      },
      [](std::size_t, int) {});
  return result;
}

// Sample i of a run draws from its own stream, so samples do not depend on which thread draws them.
SplitMix64 sample_stream(std::uint64_t seed, std::uint64_t sample) {
  return SplitMix64(seed * 0x9e3779b97f4a7c15ULL ^ (sample + 0x632be59bd9b4e019ULL));
}

}  // namespace

Metric parse_metric(std::string_view name) {
  for (Metric m : {Metric::degree, Metric::betweenness, Metric::closeness, Metric::harmonic, Metric::pagerank,
                   Metric::eigenvector}) {
    if (to_string(m) == name) return m;
  }
  throw UsageError("unknown metric " + text::quote(name) +
                   "; metrics are degree, betweenness, closeness, harmonic, pagerank, eigenvector");
}

std::string_view to_string(Metric metric) {
  switch (metric) {
    case Metric::degree: return "degree";
    case Metric::betweenness: return "betweenness";
    case Metric::closeness: return "closeness";
    case Metric::harmonic: return "harmonic";
    case Metric::pagerank: return "pagerank";
    case Metric::eigenvector: return "eigenvector";
  }
  return "?";
}

std::vector<double> degree_centrality(const SimpleGraph& g) {
  const std::size_t n = g.size();
  std::vector<double> result(n, 1.0);  // NetworkX: a graph of one entity scores 1
  if (n <= 1) return result;
  const double scale = 1.0 / static_cast<double>(n - 1);
  for (std::uint32_t v = 0; v < n; ++v) result[v] = g.degree(v) * scale;
  return result;
}

std::vector<double> betweenness_centrality(const SimpleGraph& g, const ParallelOptions& options) {
  const std::size_t n = g.size();
  std::vector<double> total(n, 0.0);
  for_blocks<std::vector<double>>(
      n, block_size_for(n), options,
      [&](std::size_t first, std::size_t last) {
        std::vector<double> partial(n, 0.0);
        BfsScratch scratch(n);
        for (std::size_t s = first; s < last; ++s) {
          count_paths(g, static_cast<std::uint32_t>(s), scratch);
          // Dependencies in reverse BFS order, as NetworkX's _accumulate_basic.
          for (std::size_t i = scratch.order.size(); i-- > 0;) {
            std::uint32_t w = scratch.order[i];
            double coefficient = (1.0 + scratch.delta[w]) / scratch.sigma[w];
            for (std::uint32_t v : g.neighbors(w)) {
              if (scratch.distance[v] == scratch.distance[w] - 1) scratch.delta[v] += scratch.sigma[v] * coefficient;
            }
            if (w != s) partial[w] += scratch.delta[w];
          }
          scratch.reset();
        }
        return partial;
      },
      [&](std::size_t, const std::vector<double>& partial) {
        for (std::size_t v = 0; v < n; ++v) total[v] += partial[v];
      });
  // NetworkX normalises undirected betweenness by 1 / ((n - 1)(n - 2)); each pair was counted twice.
  if (n > 2) {
    const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (double& b : total) b *= scale;
  }
  return total;
}

std::vector<double> closeness_centrality(const SimpleGraph& g, const ParallelOptions& options) {
  const double n = g.size();
  return per_source(g, options, [&](std::uint32_t s, BfsScratch& scratch) {
    double total = 0, reached = 1;
    distances_from(g, s, scratch, [&](std::int32_t d) { total += d, reached += 1; });
    if (total <= 0 || n <= 1) return 0.0;
    return (reached - 1) / total * ((reached - 1) / (n - 1));  // wf_improved
  });
}

std::vector<double> harmonic_centrality(const SimpleGraph& g, const ParallelOptions& options) {
  return per_source(g, options, [&](std::uint32_t s, BfsScratch& scratch) {
    double total = 0;
    distances_from(g, s, scratch, [&](std::int32_t d) { total += 1.0 / d; });
    return total;
  });
}

PowerIterationResult pagerank(const SimpleGraph& g, double alpha, const PowerIterationOptions& options) {
  const std::size_t n = g.size();
  PowerIterationResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const double uniform = 1.0 / static_cast<double>(n);
  if (options.max_iterations == 0) {
    result.scores.assign(n, uniform);
    return result;
  }
  // share[i] = x[i] / degree(i), written with x[i] so a sweep reads one array per arc. Both are
  // double-buffered: a sweep reads this iteration's and writes the next's, so blocks of vertices can
  // be swept by several threads at once.
  std::vector<double> x(n, uniform), next(n), inverse_degree(n), share(n), next_share(n);
  double dangling_sum = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (g.degree(v) == 0) {
      dangling_sum += uniform;
    } else {
      inverse_degree[v] = 1.0 / g.degree(v);
    }
    share[v] = x[v] * inverse_degree[v];
  }
  result.iterations = 0;
  sweep_in_blocks(
      n, options.threads,
      [&](std::size_t first, std::size_t last) {
        BlockSums sums;  // change (L1) and the dangling vertices' new mass
        const double base = alpha * dangling_sum * uniform + (1 - alpha) * uniform;
        for (std::size_t j = first; j < last; ++j) {
          double incoming = 0;
          for (std::uint32_t i : g.neighbors(static_cast<std::uint32_t>(j))) incoming += share[i];
          double value = alpha * incoming + base;
          next[j] = value;
          next_share[j] = value * inverse_degree[j];
          sums.first += std::abs(value - x[j]);
          if (inverse_degree[j] == 0) sums.second += value;
        }
        return sums;
      },
      [&](const BlockSums& total) {
        std::swap(x, next);
        std::swap(share, next_share);
        dangling_sum = total.second;
        return end_of_iteration(result, total.first, n, options);
      });
  result.scores = std::move(x);
  return result;
}

PowerIterationResult eigenvector_centrality(const SimpleGraph& g, const PowerIterationOptions& options) {
  const std::size_t n = g.size();
  PowerIterationResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  // NetworkX 2.8: start from 1/n everywhere and iterate with (A + I), normalising by the L2 norm.
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n);
  if (options.max_iterations == 0) {
    result.scores = std::move(x);
    return result;
  }
  // Two sweeps an iteration: (A + I) x with the squares' sum, then the normalisation with the change.
  bool normalising = false;
  double norm = 1;
  sweep_in_blocks(
      n, options.threads,
      [&](std::size_t first, std::size_t last) {
        BlockSums sums;
        for (std::size_t v = first; v < last; ++v) {
          if (normalising) {
            next[v] /= norm;
            sums.first += std::abs(next[v] - x[v]);
          } else {
            double sum = x[v];
            for (std::uint32_t u : g.neighbors(static_cast<std::uint32_t>(v))) sum += x[u];
            next[v] = sum;
            sums.second += sum * sum;
          }
        }
        return sums;
      },
      [&](const BlockSums& total) {
        if (!normalising) {
          norm = std::sqrt(total.second);
          if (norm == 0) norm = 1;
          normalising = true;
          return Sweeps::go;
        }
        normalising = false;
        std::swap(x, next);
        return end_of_iteration(result, total.first, n, options);
      });
  result.scores = std::move(x);
  return result;
}

ApproximateBetweenness approximate_betweenness(const SimpleGraph& g, double epsilon, double delta, std::uint64_t seed,
                                               const ParallelOptions& options) {
  if (!(epsilon > 0 && epsilon < 1)) throw UsageError("epsilon must be between 0 and 1 (exclusive)");
  if (!(delta > 0 && delta < 1)) throw UsageError("delta must be between 0 and 1 (exclusive)");
  const std::size_t n = g.size();
  ApproximateBetweenness result;
  result.scores.assign(n, 0.0);
  if (n <= 2) return result;
  // Vertex-diameter bound: per component, a BFS from any vertex reaching eccentricity e bounds the
  // number of vertices on a shortest path by 2e + 1.
  {
    BfsScratch scratch(n);
    std::vector<bool> seen(n, false);
    for (std::uint32_t s = 0; s < n; ++s) {
      if (seen[s]) continue;
      std::int32_t eccentricity = 0;
      distances_from(g, s, scratch, [&](std::int32_t d) { eccentricity = std::max(eccentricity, d); });
      for (std::uint32_t v : scratch.order) seen[v] = true;
      scratch.reset();
      result.vertex_diameter_bound = std::max<std::uint32_t>(result.vertex_diameter_bound, 2 * eccentricity + 1);
    }
  }
  // The estimator targets betweenness normalised by n(n-1); NetworkX's is n/(n-2) times that, so the
  // sample size is computed for epsilon * (n-2)/n to keep the guarantee on NetworkX's scale.
  const double rk_epsilon = epsilon * static_cast<double>(n - 2) / static_cast<double>(n);
  const double vd_term = std::floor(std::log2(std::max<double>(1.0, result.vertex_diameter_bound - 2.0))) + 1.0;
  const double samples = std::ceil(0.5 / (rk_epsilon * rk_epsilon) * (vd_term + std::log(1.0 / delta)));
  // Converting a double beyond 2^64 is undefined behaviour; no run could draw that many samples anyway.
  if (!(samples < 1e15)) throw LimitError("epsilon " + std::to_string(epsilon) + " needs more than 10^15 samples");
  result.samples = static_cast<std::uint64_t>(samples);
  std::vector<std::uint64_t> counts(n, 0);
  for_blocks<std::vector<std::uint64_t>>(
      result.samples, 256, options,
      [&](std::size_t first, std::size_t last) {
        std::vector<std::uint64_t> partial(n, 0);
        BfsScratch scratch(n);
        for (std::size_t i = first; i < last; ++i) {
          SplitMix64 random = sample_stream(seed, i);
          auto u = static_cast<std::uint32_t>(random.below(n));
          auto v = static_cast<std::uint32_t>(random.below(n - 1));
          if (v >= u) ++v;
          // BFS from u with path counts, stopping after v's level.
          scratch.distance[u] = 0;
          scratch.sigma[u] = 1.0;
          scratch.order.push_back(u);
          for (std::size_t head = 0; head < scratch.order.size(); ++head) {
            std::uint32_t a = scratch.order[head];
            if (scratch.distance[v] != kUnseen && scratch.distance[a] >= scratch.distance[v]) break;
            for (std::uint32_t b : g.neighbors(a)) {
              if (scratch.distance[b] == kUnseen) {
                scratch.distance[b] = scratch.distance[a] + 1;
                scratch.order.push_back(b);
              }
              if (scratch.distance[b] == scratch.distance[a] + 1) scratch.sigma[b] += scratch.sigma[a];
            }
          }
          if (scratch.distance[v] != kUnseen) {
            // Walk back from v choosing each predecessor with probability sigma(p) / sigma(current).
            std::uint32_t current = v;
            while (true) {
              double pick = random.unit() * scratch.sigma[current];
              std::uint32_t chosen = current;
              for (std::uint32_t p : g.neighbors(current)) {
                if (scratch.distance[p] != scratch.distance[current] - 1) continue;
                chosen = p;
                pick -= scratch.sigma[p];
                if (pick < 0) break;
              }
              if (chosen == u) break;
              ++partial[chosen];
              current = chosen;
            }
          }
          scratch.reset();
        }
        return partial;
      },
      [&](std::size_t, const std::vector<std::uint64_t>& partial) {
        for (std::size_t w = 0; w < n; ++w) counts[w] += partial[w];
      });
  const double scale = static_cast<double>(n) / (static_cast<double>(n - 2) * static_cast<double>(result.samples));
  for (std::size_t w = 0; w < n; ++w) result.scores[w] = static_cast<double>(counts[w]) * scale;
  return result;
}

CentralityResult centrality(const SimpleGraph& g, Metric metric, const CentralityOptions& options) {
  CentralityResult result;
  switch (metric) {
    case Metric::degree: result.scores = degree_centrality(g); break;
    case Metric::betweenness:
      if (options.approx != 0) {
        auto sampled = approximate_betweenness(g, options.approx, options.delta, options.seed, options.parallel);
        result.samples = sampled.samples;
        result.scores = std::move(sampled.scores);
      } else {
        result.scores = betweenness_centrality(g, options.parallel);
      }
      break;
    case Metric::closeness: result.scores = closeness_centrality(g, options.parallel); break;
    case Metric::harmonic: result.scores = harmonic_centrality(g, options.parallel); break;
    case Metric::pagerank:
    case Metric::eigenvector: {
      auto iterated = metric == Metric::pagerank ? pagerank(g, options.alpha, options.power) : eigenvector_centrality(g, options.power);
      result.converged = iterated.converged;
      result.scores = std::move(iterated.scores);
      break;
    }
  }
  return result;
}

}  // namespace hallyu::algo
