/* test_utf8.c — cmocka tests of stdlib/utf8.c: the one display width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static void ascii_and_latin(void **state) {
  (void)state;
  assert_int_equal(dc_utf8_width(""), 0);
  assert_int_equal(dc_utf8_width(NULL), 0);
  assert_int_equal(dc_utf8_width("tCO2e"), 5);
  assert_int_equal(dc_utf8_width("µg/m³"), 5);  /* two-byte, one column each */
  assert_int_equal(dc_utf8_width("kW·h"), 4);
}

static void cjk_is_two_columns(void **state) {
  (void)state;
  assert_int_equal(dc_utf8_width("元"), 2);
  assert_int_equal(dc_utf8_width("亩"), 2);
  assert_int_equal(dc_utf8_width("万tce"), 5);
  assert_int_equal(dc_utf8_width("甘肃省"), 6);
  assert_int_equal(dc_utf8_width("ｋＷ"), 4);      /* full-width forms */
  assert_int_equal(dc_utf8_width("가"), 2);        /* Hangul */
  assert_int_equal(dc_utf8_width("カ"), 2);        /* katakana */
  assert_int_equal(dc_utf8_width("\xf0\xa0\x80\x80"), 2); /* U+20000, plane 2 */
  assert_int_equal(dc_utf8_width("\xf0\x9f\x8c\x8d"), 2); /* U+1F30D, an emoji */
  /* the old rule "lead byte E3..E9 is wide" missed these and miscounted others */
  assert_int_equal(dc_utf8_width("\xea\xb0\x80"), 2);     /* U+AC00, lead EA */
  assert_int_equal(dc_utf8_width("\xe2\x82\xac"), 1);     /* U+20AC euro, lead E2 */
  assert_int_equal(dc_utf8_cp_width(0x3248), 1);          /* ambiguous: narrow */
  assert_int_equal(dc_utf8_cp_width(0x3250), 2);
}

static void zero_width_and_bad_bytes(void **state) {
  (void)state;
  assert_int_equal(dc_utf8_width("e\xcc\x81"), 1);        /* e + combining acute */
  assert_int_equal(dc_utf8_width("a\xe2\x80\x8b" "b"), 2); /* zero-width space */
  assert_int_equal(dc_utf8_width("\xff\xfe"), 2);         /* each bad byte: one */
  assert_int_equal(dc_utf8_width("\xe5\x85"), 2);         /* cut sequence: its bytes */
  assert_int_equal(dc_utf8_width("\xc0\xaf"), 2);         /* overlong */
  assert_int_equal(dc_utf8_width("\xed\xa0\x80"), 3);     /* a surrogate */
}

static void width_of_a_prefix(void **state) {
  (void)state;
  const char *s = "2 亿kWh";
  assert_int_equal(dc_utf8_width_n(s, 2), 2);
  assert_int_equal(dc_utf8_width_n(s, 5), 4);             /* through 亿 */
  assert_int_equal(dc_utf8_width_n(s, 3), 3);             /* 亿 cut: one a byte */
  assert_int_equal(dc_utf8_width_n(s, 100), 7);
}

static void pads_by_columns(void **state) {
  (void)state;
  char buf[64] = "";
  FILE *f = fmemopen(buf, sizeof buf, "w");
  assert_non_null(f);
  dc_utf8_pad(f, "元", 4, 0);
  fputc('|', f);
  dc_utf8_pad(f, "kW", 4, 1);
  fputc('|', f);
  dc_utf8_pad(f, "toolong", 3, 0);
  fclose(f);
  assert_string_equal(buf, "元  |  kW|toolong");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(ascii_and_latin),
    cmocka_unit_test(cjk_is_two_columns),
    cmocka_unit_test(zero_width_and_bad_bytes),
    cmocka_unit_test(width_of_a_prefix),
    cmocka_unit_test(pads_by_columns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
