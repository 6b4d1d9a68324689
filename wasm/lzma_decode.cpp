/**
 * @file lzma_decode.cpp
 * @brief An LZMA decoder compiled to its own tiny WebAssembly module (no
 * imports, no libc): the page ships the core's wasm compressed with
 * `xz --format=lzma` (about 20% smaller than gzip) and this turns it back
 * into bytes before instantiation. See wasm/mailverdict.mjs.
 *
 * Written from the format's description in the LZMA SDK
 * (lzma-specification.txt): a range coder over adaptive 11-bit
 * probabilities; literals coded with the previous byte's high bits as
 * context, and right after a match with the byte at the match distance as
 * a guide; matches coded as a length and a distance, or as a repeat of one
 * of the last four distances; a 12-state machine of what came before picks
 * the probabilities. Linear in the output; never reads or writes outside
 * the buffers it is given.
 */
#include <cstddef>
#include <cstdint>

namespace {

using prob = std::uint16_t;

constexpr prob kProbInit = 1024;  // one half
constexpr unsigned kStates = 12;
constexpr unsigned kPosStatesMax = 16;  // pb is at most 4
constexpr unsigned kEndPosSlot = 14;    // slots below code their low distance bits adaptively
constexpr unsigned kAlignBits = 4;      // far distances: the low 4 bits adaptively
constexpr unsigned kMatchMin = 2;
constexpr unsigned kTopValue = 1u << 24;

struct range_decoder {
  const std::uint8_t* in;
  const std::uint8_t* end;
  std::uint32_t range;
  std::uint32_t code;

  // Past the end reads zeros; the caller checks the position afterwards.
  std::uint8_t next() { return in < end ? *in++ : (++in, 0); }
  void normalize() {
    if (range < kTopValue) {
      range <<= 8;
      code = (code << 8) | next();
    }
  }
  // One bit with the adaptive probability *p that it is 0.
  unsigned bit(prob* p) {
    const std::uint32_t bound = (range >> 11) * *p;
    unsigned b;
    if (code < bound) {
      range = bound;
      *p = static_cast<prob>(*p + ((2048 - *p) >> 5));
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      *p = static_cast<prob>(*p - (*p >> 5));
      b = 1;
    }
    normalize();
    return b;
  }
  // `count` bits of probability one half, most significant first.
  std::uint32_t direct(unsigned count) {
    std::uint32_t v = 0;
    while (count-- > 0) {
      range >>= 1;
      const std::uint32_t b = code >= range ? 1 : 0;
      if (b) code -= range;
      v = (v << 1) | b;
      normalize();
    }
    return v;
  }
  // A `count`-bit number coded along a binary tree of probabilities p[1...].
  unsigned tree(prob* p, unsigned count) {
    unsigned m = 1;
    for (unsigned i = 0; i < count; i++) m = (m << 1) | bit(p + m);
    return m - (1u << count);
  }
  // The same with the least significant bit first.
  unsigned reverse_tree(prob* p, unsigned count) {
    unsigned m = 1;
    unsigned v = 0;
    for (unsigned i = 0; i < count; i++) {
      const unsigned b = bit(p + m);
      m = (m << 1) | b;
      v |= b << i;
    }
    return v;
  }
};

// Match lengths: 0..7 and 8..15 by position state, 16..271 shared.
struct length_coder {
  prob choice[2];
  prob low[kPosStatesMax << 3];
  prob mid[kPosStatesMax << 3];
  prob high[256];

  unsigned decode(range_decoder& rc, unsigned pos_state) {
    if (rc.bit(&choice[0]) == 0) return rc.tree(low + (pos_state << 3), 3);
    if (rc.bit(&choice[1]) == 0) return 8 + rc.tree(mid + (pos_state << 3), 3);
    return 16 + rc.tree(high, 8);
  }
};

struct model {
  prob is_match[kStates * kPosStatesMax];
  prob is_rep0_long[kStates * kPosStatesMax];
  prob is_rep[kStates];
  prob is_rep_g0[kStates];
  prob is_rep_g1[kStates];
  prob is_rep_g2[kStates];
  prob pos_slot[4 << 6];  // by match length 2, 3, 4, 5+
  prob pos_special[1 + 128 - kEndPosSlot];
  prob align[1 << kAlignBits];
  length_coder len;
  length_coder rep_len;
  // Followed by the literal probabilities: 0x300 per literal context.
};

constexpr unsigned kHeaderBytes = 13;  // properties, dictionary size, decoded size

}  // namespace

extern "C" {

/// Bytes of scratch space decode() needs for a stream with properties byte `props`.
__attribute__((export_name("lzma_work_size"))) std::uint32_t lzma_work_size(unsigned props) {
  const unsigned lc = props % 9;
  const unsigned lp = (props / 9) % 5;
  return sizeof(model) + (static_cast<std::uint32_t>(0x300) << (lc + lp)) * sizeof(prob);
}

/// Decodes the .lzma file in[0, in_size) (13-byte header, then the stream)
/// into out[0, out_size), using `work` (lzma_work_size() bytes, 2-aligned)
/// for the model. The caller knows the decoded size (the header's size
/// field is not read; a stream may or may not end with the end marker).
/// Returns out_size when the stream filled it exactly, -1 when it is
/// damaged, ends early or would overflow.
__attribute__((export_name("lzma_decode"))) int lzma_decode(const std::uint8_t* in,
                                                            std::uint32_t in_size,
                                                            std::uint8_t* out,
                                                            std::uint32_t out_size, void* work) {
  if (in_size < kHeaderBytes + 5 || in[0] >= 9 * 5 * 5) return -1;
  const unsigned lc = in[0] % 9;
  const unsigned lp = (in[0] / 9) % 5;
  const unsigned pb = in[0] / 45;
  auto* m = static_cast<model*>(work);
  prob* const all = static_cast<prob*>(work);
  const std::uint32_t count = lzma_work_size(in[0]) / sizeof(prob);
  for (std::uint32_t i = 0; i < count; i++) all[i] = kProbInit;
  prob* const literal = all + sizeof(model) / sizeof(prob);

  range_decoder rc{in + kHeaderBytes, in + in_size, 0xFFFFFFFFu, 0};
  if (rc.next() != 0) return -1;
  for (int i = 0; i < 4; i++) rc.code = (rc.code << 8) | rc.next();

  const std::uint32_t pb_mask = (1u << pb) - 1;
  const std::uint32_t lp_mask = (1u << lp) - 1;
  unsigned state = 0;
  std::uint32_t rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  std::uint32_t pos = 0;
  while (pos < out_size) {
    const unsigned pos_state = pos & pb_mask;
    if (rc.bit(&m->is_match[state * kPosStatesMax + pos_state]) == 0) {
      const unsigned prev = pos > 0 ? out[pos - 1] : 0;
      prob* const lit = literal + 0x300 * (((pos & lp_mask) << lc) + (prev >> (8 - lc)));
      unsigned symbol = 1;
      if (state >= 7) {
        // Right after a match the byte at the match distance guides the
        // probabilities until the first bit that differs from it.
        if (rep0 >= pos) return -1;
        unsigned match_byte = out[pos - rep0 - 1];
        do {
          const unsigned match_bit = (match_byte >> 7) & 1;
          match_byte <<= 1;
          const unsigned b = rc.bit(&lit[((1 + match_bit) << 8) + symbol]);
          symbol = (symbol << 1) | b;
          if (b != match_bit) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(&lit[symbol]);
      out[pos++] = static_cast<std::uint8_t>(symbol);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    unsigned len;
    if (rc.bit(&m->is_rep[state]) == 0) {
      // A match at a new distance.
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = m->len.decode(rc, pos_state);
      state = state < 7 ? 7 : 10;
      const unsigned slot = rc.tree(m->pos_slot + ((len < 3 ? len : 3) << 6), 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const unsigned bits = (slot >> 1) - 1;
        rep0 = (2 | (slot & 1)) << bits;
        if (slot < kEndPosSlot) {
          rep0 += rc.reverse_tree(m->pos_special + rep0 - slot, bits);
        } else {
          rep0 += rc.direct(bits - kAlignBits) << kAlignBits;
          rep0 += rc.reverse_tree(m->align, kAlignBits);
        }
      }
      if (rep0 == 0xFFFFFFFFu) break;  // the end marker
    } else {
      // A repeat of one of the last four distances.
      if (rc.bit(&m->is_rep_g0[state]) == 0) {
        if (rc.bit(&m->is_rep0_long[state * kPosStatesMax + pos_state]) == 0) {
          // One byte from the last distance.
          if (rep0 >= pos) return -1;
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        std::uint32_t dist;
        if (rc.bit(&m->is_rep_g1[state]) == 0) {
          dist = rep1;
        } else {
          if (rc.bit(&m->is_rep_g2[state]) == 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = m->rep_len.decode(rc, pos_state);
      state = state < 7 ? 8 : 11;
    }
    if (rep0 >= pos) return -1;
    std::uint32_t n = len + kMatchMin;
    if (n > out_size - pos) return -1;
    const std::uint8_t* from = out + pos - rep0 - 1;
    while (n-- > 0) out[pos++] = *from++;
  }
  if (pos != out_size || rc.in > rc.end) return -1;
  return static_cast<int>(pos);
}

}  // extern "C"
