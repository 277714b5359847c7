// Top-k closeness and harmonic centrality: BFS from each candidate, cut short by a bound on its score.
#include "hallyu/algo/top_closeness.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <queue>
#include <thread>

#include "hallyu/error.hpp"

namespace hallyu::algo {
namespace {

constexpr std::int32_t kUnseen = -1;
constexpr double kNone = -std::numeric_limits<double>::infinity();

// Size of each vertex's connected component (closeness normalises by it, and the bound needs how
// many vertices a search has still to reach).
std::vector<std::uint32_t> component_sizes(const SimpleGraph& g) {
  const std::uint32_t n = g.size();
  std::vector<std::uint32_t> size(n, 0), order;
  std::vector<bool> seen(n, false);
  order.reserve(n);
  for (std::uint32_t s = 0; s < n; ++s) {
    if (seen[s]) continue;
    std::size_t first = order.size();
    seen[s] = true;
    order.push_back(s);
    for (std::size_t head = first; head < order.size(); ++head) {
      for (std::uint32_t w : g.neighbors(order[head])) {
        if (!seen[w]) seen[w] = true, order.push_back(w);
      }
    }
    auto count = static_cast<std::uint32_t>(order.size() - first);
    for (std::size_t i = first; i < order.size(); ++i) size[order[i]] = count;
  }
  return size;
}

// The k best scores found so far; its smallest is the bar a search must be able to reach.
class Leaders {
 public:
  explicit Leaders(std::size_t k) : k_(k) {}
  double bar() const { return bar_.load(std::memory_order_relaxed); }
  void offer(double score) {
    std::lock_guard<std::mutex> guard(lock_);
    if (best_.size() < k_) {
      best_.push(score);
    } else if (score > best_.top()) {
      best_.pop();
      best_.push(score);
    }
    if (best_.size() == k_) bar_.store(best_.top(), std::memory_order_relaxed);
  }

 private:
  std::size_t k_;
  std::mutex lock_;
  std::priority_queue<double, std::vector<double>, std::greater<>> best_;
  std::atomic<double> bar_{kNone};
};

struct Search {
  std::vector<std::int32_t> distance;
  std::vector<std::uint32_t> order;
  explicit Search(std::size_t n) : distance(n, kUnseen) { order.reserve(n); }

  // The exact score of s (accumulated in the same order as closeness_centrality and
  // harmonic_centrality, so bit for bit the same), or kNone once the bound falls below leaders' bar.
  //
  // Bound, checked before each expansion (Bergamini et al.'s level bound): the vertices still to be
  // found number r - |order|; at most `potential` of them (new neighbours of the unexpanded vertices
  // of the current level d) can be at distance d + 1, the others are at d + 2 or more.
  double run(const SimpleGraph& g, std::uint32_t s, bool harmonic, double n, std::uint32_t r, const Leaders& leaders) {
    distance[s] = 0;
    order.push_back(s);
    double total = 0;
    std::int32_t d = 0;
    std::size_t level_end = 1;
    double potential = g.degree(s), next_potential = 0;
    double result = kNone;
    for (std::size_t head = 0;; ++head) {
      if (head == order.size()) {
        result = harmonic ? total : (total <= 0 || n <= 1 ? 0.0 : (r - 1.0) / total * ((r - 1.0) / (n - 1)));
        break;
      }
      if (head == level_end) {
        level_end = order.size();
        ++d;
        potential = next_potential;
        next_potential = 0;
      }
      double bar = leaders.bar();
      if (bar != kNone) {
        double unfound = static_cast<double>(r) - static_cast<double>(order.size());
        double near = std::min(unfound, potential), far = unfound - near;
        double bound;
        if (harmonic) {
          // Summed in another order than the exact score: allow for rounding.
          bound = (total + near / (d + 1) + far / (d + 2)) * (1 + 1e-12);
        } else {
          // The exact formula on a smaller sum: never below the exact score, rounding included.
          double least = total + near * (d + 1) + far * (d + 2);
          bound = least <= 0 || n <= 1 ? 0.0 : (r - 1.0) / least * ((r - 1.0) / (n - 1));
        }
        if (bound < bar) break;
      }
      std::uint32_t v = order[head];
      potential -= d == 0 ? g.degree(v) : g.degree(v) - 1.0;
      std::int32_t next = d + 1;
      for (std::uint32_t w : g.neighbors(v)) {
        if (distance[w] != kUnseen) continue;
        distance[w] = next;
        order.push_back(w);
        if (harmonic) {
          total += 1.0 / next;
        } else {
          total += next;
        }
        next_potential += g.degree(w) - 1.0;
      }
    }
    for (std::uint32_t v : order) distance[v] = kUnseen;
    order.clear();
    return result;
  }
};

}  // namespace

TopClosenessResult top_closeness(const SimpleGraph& g, Metric metric, std::size_t k, const std::vector<bool>& candidate,
                                 const ParallelOptions& options) {
  if (metric != Metric::closeness && metric != Metric::harmonic)
    throw UsageError("top-k search applies to closeness and harmonic only", ErrorCategory::internal);
  const std::uint32_t n = g.size();
  TopClosenessResult result;
  result.scores.assign(n, kNone);
  if (n == 0 || k == 0) return result;
  const std::vector<std::uint32_t> reach = component_sizes(g);
  // Likely leaders first, so the bar rises early: by degree, then (for closeness) component size.
  std::vector<std::uint32_t> queue;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (candidate.empty() || candidate[v]) queue.push_back(v);
  }
  std::sort(queue.begin(), queue.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (g.degree(a) != g.degree(b)) return g.degree(a) > g.degree(b);
    return a < b;
  });
  Leaders leaders(k);
  const bool harmonic = metric == Metric::harmonic;
  constexpr std::size_t kChunk = 16;
  std::atomic<std::size_t> next{0}, completed{0}, pruned{0};
  std::atomic<bool> stop{false};
  std::mutex progress_lock;
  std::size_t done = 0;
  auto worker = [&] {
    Search search(n);
    while (!stop.load(std::memory_order_relaxed)) {
      if (options.cancelled && options.cancelled()) {
        stop = true;
        return;
      }
      std::size_t first = next.fetch_add(kChunk);
      if (first >= queue.size()) return;
      std::size_t last = std::min(queue.size(), first + kChunk);
      for (std::size_t i = first; i < last; ++i) {
        std::uint32_t s = queue[i];
        double score = search.run(g, s, harmonic, n, reach[s], leaders);
        if (score == kNone) {
          ++pruned;
          continue;
        }
        ++completed;
        result.scores[s] = score;  // each s belongs to one worker
        leaders.offer(score);
      }
      if (options.progress) {
        std::lock_guard<std::mutex> guard(progress_lock);
        done += last - first;
        options.progress(done, queue.size());
      }
    }
  };
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, queue.size() / kChunk)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (stop) throw UsageError("stopped before the end (time budget or cancelled)", ErrorCategory::interrupted);
  result.completed = completed;
  result.pruned = pruned;
  return result;
}

}  // namespace hallyu::algo
