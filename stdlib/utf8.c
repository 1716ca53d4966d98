/* utf8.c — display widths of UTF-8 text (utf8.h). */
#include "utf8.h"

typedef struct {
  unsigned long lo, hi;
} range;

/* East Asian Wide (W) and Fullwidth (F) of Unicode 14's EastAsianWidth.txt
 * (checked against Python's unicodedata), folded into ranges that include
 * the unassigned points of their blocks, as wcwidth does; sorted */
static const range wide[] = {
  {0x1100, 0x115f},   {0x231a, 0x231b},   {0x2329, 0x232a},   {0x23e9, 0x23ec},
  {0x23f0, 0x23f0},   {0x23f3, 0x23f3},   {0x25fd, 0x25fe},   {0x2614, 0x2615},
  {0x2648, 0x2653},   {0x267f, 0x267f},   {0x2693, 0x2693},   {0x26a1, 0x26a1},
  {0x26aa, 0x26ab},   {0x26bd, 0x26be},   {0x26c4, 0x26c5},   {0x26ce, 0x26ce},
  {0x26d4, 0x26d4},   {0x26ea, 0x26ea},   {0x26f2, 0x26f3},   {0x26f5, 0x26f5},
  {0x26fa, 0x26fa},   {0x26fd, 0x26fd},   {0x2705, 0x2705},   {0x270a, 0x270b},
  {0x2728, 0x2728},   {0x274c, 0x274c},   {0x274e, 0x274e},   {0x2753, 0x2755},
  {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27b0, 0x27b0},   {0x27bf, 0x27bf},
  {0x2b1b, 0x2b1c},   {0x2b50, 0x2b50},   {0x2b55, 0x2b55},   {0x2e80, 0x303e},
  {0x3041, 0x3247},   {0x3250, 0x33ff},   {0x3400, 0x4dbf},   {0x4e00, 0x9fff},   {0xa000, 0xa4cf},
  {0xa960, 0xa97f},   {0xac00, 0xd7a3},   {0xf900, 0xfaff},   {0xfe10, 0xfe19},
  {0xfe30, 0xfe6f},   {0xff00, 0xff60},   {0xffe0, 0xffe6},   {0x16fe0, 0x16fe4},
  {0x16ff0, 0x16ff1}, {0x17000, 0x18cd5}, {0x18d00, 0x18d08}, {0x1aff0, 0x1affe},
  {0x1b000, 0x1b2fb}, {0x1f004, 0x1f004}, {0x1f0cf, 0x1f0cf},
  {0x1f18e, 0x1f18e}, {0x1f191, 0x1f19a}, {0x1f200, 0x1f251}, {0x1f260, 0x1f265}, {0x1f300, 0x1f320},
  {0x1f32d, 0x1f335}, {0x1f337, 0x1f37c}, {0x1f37e, 0x1f393}, {0x1f3a0, 0x1f3ca},
  {0x1f3cf, 0x1f3d3}, {0x1f3e0, 0x1f3f0}, {0x1f3f4, 0x1f3f4}, {0x1f3f8, 0x1f43e},
  {0x1f440, 0x1f440}, {0x1f442, 0x1f4fc}, {0x1f4ff, 0x1f53d}, {0x1f54b, 0x1f54e},
  {0x1f550, 0x1f567}, {0x1f57a, 0x1f57a}, {0x1f595, 0x1f596}, {0x1f5a4, 0x1f5a4},
  {0x1f5fb, 0x1f64f}, {0x1f680, 0x1f6c5}, {0x1f6cc, 0x1f6cc}, {0x1f6d0, 0x1f6d2},
  {0x1f6d5, 0x1f6d7}, {0x1f6dd, 0x1f6df}, {0x1f6eb, 0x1f6ec}, {0x1f6f4, 0x1f6fc}, {0x1f7e0, 0x1f7eb}, {0x1f7f0, 0x1f7f0},
  {0x1f90c, 0x1f93a}, {0x1f93c, 0x1f945}, {0x1f947, 0x1f9ff}, {0x1fa70, 0x1faff},
  {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
};

/* combining marks and zero-width characters: no column of their own */
static const range zero[] = {
  {0x0300, 0x036f}, {0x0483, 0x0489}, {0x0591, 0x05bd}, {0x0610, 0x061a},
  {0x064b, 0x065f}, {0x200b, 0x200f}, {0x2028, 0x202e}, {0x2060, 0x2064},
  {0x20d0, 0x20f0}, {0x302a, 0x302d}, {0x3099, 0x309a}, {0xfe00, 0xfe0f},
  {0xfe20, 0xfe2f}, {0xfeff, 0xfeff}, {0xe0100, 0xe01ef},
};

static int in(const range *t, size_t n, unsigned long cp) {
  size_t lo = 0, hi = n;
  while (lo < hi) { /* the first range whose hi >= cp */
    size_t mid = (lo + hi) / 2;
    if (t[mid].hi < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && t[lo].lo <= cp;
}

int dc_utf8_cp_width(unsigned long cp) {
  if (in(zero, sizeof zero / sizeof zero[0], cp)) return 0;
  return in(wide, sizeof wide / sizeof wide[0], cp) ? 2 : 1;
}

/* The code point at s (at most n bytes): its length in bytes, 0 for a
 * byte that starts no valid sequence. */
static size_t decode(const unsigned char *s, size_t n, unsigned long *cp) {
  size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3
             : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
  if (len == 0 || len > n) return 0;
  unsigned long c = len == 1 ? s[0] : (unsigned long)(s[0] & (0x7f >> len));
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    c = c << 6 | (s[i] & 0x3fu);
  }
  static const unsigned long least[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < least[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return 0;
  *cp = c;
  return len;
}

int dc_utf8_width_n(const char *s, size_t n) {
  int w = 0;
  if (!s) return 0;
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < n && p[i];) {
    unsigned long cp;
    size_t rest = n - i, k = 0;
    while (k < rest && k < 4 && p[i + k]) k++; /* never read past the NUL */
    size_t len = decode(p + i, k, &cp);
    if (len == 0) {
      w++;
      i++;
    } else {
      w += dc_utf8_cp_width(cp);
      i += len;
    }
  }
  return w;
}

int dc_utf8_width(const char *s) { return dc_utf8_width_n(s, (size_t)-1); }

int dc_utf8_pad(FILE *f, const char *s, int width, int right_align) {
  int pad = width - dc_utf8_width(s);
  if (!right_align && fputs(s ? s : "", f) == EOF) return EOF;
  for (; pad > 0; pad--)
    if (fputc(' ', f) == EOF) return EOF;
  if (right_align && fputs(s ? s : "", f) == EOF) return EOF;
  return 0;
}
