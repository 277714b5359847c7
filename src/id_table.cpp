// The flat id table: exact id lookup shared by the loader and the graph.
#include "hallyu/id_table.hpp"

#include <bit>
#include <functional>
#include <limits>

namespace hallyu {
namespace {

constexpr VertexId kEmpty = std::numeric_limits<VertexId>::max();

std::uint32_t hash_of(std::string_view id) { return static_cast<std::uint32_t>(std::hash<std::string_view>()(id)); }

}  // namespace

void IdTable::reserve(std::size_t n) {
  std::size_t wanted = std::max<std::size_t>(16, std::bit_ceil(n * 2));
  if (wanted > slots_.size()) rehash(wanted);
}

std::optional<VertexId> IdTable::find(std::string_view id, const std::vector<Entity>& entities) const {
  if (slots_.empty()) return std::nullopt;
  std::uint32_t h = hash_of(id);
  for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.vertex == kEmpty) return std::nullopt;
    if (slot.hash == h && entities[slot.vertex].id == id) return slot.vertex;
  }
}

void IdTable::prefetch_slot(std::string_view id) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[hash_of(id) & mask_]);
}

void IdTable::prefetch_entity(std::string_view id, const std::vector<Entity>& entities) const {
  if (slots_.empty()) return;
  std::uint32_t h = hash_of(id);
  const Slot& slot = slots_[h & mask_];
  if (slot.vertex != kEmpty && slot.hash == h)
    __builtin_prefetch(&entities[slot.vertex]);  // the id is inline for short ids
}

void IdTable::insert(VertexId vertex, const std::vector<Entity>& entities) {
  if ((count_ + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(16, slots_.size() * 2));
  place({vertex, hash_of(entities[vertex].id)});
  ++count_;
}

void IdTable::place(Slot slot) {
  std::size_t i = slot.hash & mask_;
  while (slots_[i].vertex != kEmpty) i = (i + 1) & mask_;
  slots_[i] = slot;
}

void IdTable::rehash(std::size_t slots) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(slots, {kEmpty, 0});
  mask_ = slots - 1;
  for (const Slot& slot : old) {
    if (slot.vertex != kEmpty) place(slot);
  }
}

}  // namespace hallyu
