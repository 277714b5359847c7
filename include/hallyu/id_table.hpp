// Id -> vertex lookup without a per-id allocation: open addressing over (vertex, hash) slots that
// compare against the entities' own id strings. The entities are passed to each call rather than
// held, so the table can live beside them in a Graph that moves. Used by the loader while merging
// and by the Graph afterwards (an unordered_map<string> cost a third of the load time at 1M relations).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "hallyu/model.hpp"

namespace hallyu {

class IdTable {
 public:
  void reserve(std::size_t n);
  std::optional<VertexId> find(std::string_view id, const std::vector<Entity>& entities) const;
  // Adds `vertex`, whose id is entities[vertex].id; the caller has checked that the id is absent.
  void insert(VertexId vertex, const std::vector<Entity>& entities);
  std::size_t size() const { return count_; }
  // Lookups of random ids miss the cache twice (the slot, then the entity's id). A loop resolving many
  // ids calls prefetch_slot for the id it will look up some iterations later, then prefetch_entity
  // for a nearer one: the misses overlap instead of adding up.
  void prefetch_slot(std::string_view id) const;
  void prefetch_entity(std::string_view id, const std::vector<Entity>& entities) const;

 private:
  struct Slot {
    VertexId vertex;
    std::uint32_t hash;
  };
  void place(Slot slot);
  void rehash(std::size_t slots);

  std::vector<Slot> slots_;
  std::size_t mask_ = 0, count_ = 0;
};

}  // namespace hallyu
