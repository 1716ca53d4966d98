/* test_jsonw.c — cmocka tests of the JSON emitter (stdlib/jsonw.c): keys
 * sorted by the emitter, ordered objects checked, valid UTF-8 whatever the
 * input, numbers, layouts, usage and write errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"

static char *buf;
static size_t len;
static FILE *mem;

static dc_jsonw *start(int flags) {
  mem = open_memstream(&buf, &len);
  assert_non_null(mem);
  dc_jsonw *w = dc_jsonw_open(mem, flags);
  assert_non_null(w);
  return w;
}

/* closes w, checks its result, gives the text (free it) */
static char *finish(dc_jsonw *w, int want) {
  assert_int_equal(dc_jsonw_close(w), want);
  fclose(mem);
  return buf;
}

static void test_sorted_keys(void **state) {
  (void)state;
  dc_jsonw *w = start(0);
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_kint(w, "zeta", 1);
  dc_jsonw_key(w, "alpha");
  dc_jsonw_object(w, DC_JSONW_INLINE); /* nested: sorted as well */
  dc_jsonw_kbool(w, "y", 0);
  dc_jsonw_kbool(w, "x", 1);
  dc_jsonw_end(w);
  dc_jsonw_kstr(w, "mid", "m");
  dc_jsonw_key(w, "\xc3\xa9"); /* UTF-8 byte order: after every ASCII key */
  dc_jsonw_null(w);
  dc_jsonw_kstr(w, "Beta", NULL); /* upper case sorts before lower */
  dc_jsonw_end(w);
  char *s = finish(w, DC_JSONW_OK);
  assert_string_equal(s, "{\"Beta\": null, \"alpha\": {\"x\": true, \"y\": false}, \"mid\": \"m\", \"zeta\": 1, "
                         "\"\xc3\xa9\": null}");
  free(s);
}

/* 100 keys in reverse: the sort is not a small-case one */
static void test_many_keys(void **state) {
  (void)state;
  dc_jsonw *w = start(DC_JSONW_COMPACT);
  dc_jsonw_object(w, DC_JSONW_INLINE);
  for (int i = 99; i >= 0; i--) {
    char k[16];
    snprintf(k, sizeof k, "k%02d", i);
    dc_jsonw_kint(w, k, i);
  }
  dc_jsonw_end(w);
  char *s = finish(w, DC_JSONW_OK);
  const char *p = s;
  for (int i = 0; i < 100; i++) {
    char want[40];
    snprintf(want, sizeof want, "\"k%02d\": %d", i, i);
    const char *q = strstr(p, want);
    assert_non_null(q);
    p = q + 1;
  }
  free(s);
}

static void test_ordered(void **state) {
  (void)state;
  dc_jsonw *w = start(0);
  dc_jsonw_object(w, DC_JSONW_INLINE | DC_JSONW_ORDERED);
  dc_jsonw_kint(w, "a", 1);
  dc_jsonw_kint(w, "b", 2);
  dc_jsonw_end(w);
  char *s = finish(w, DC_JSONW_OK);
  assert_string_equal(s, "{\"a\": 1, \"b\": 2}");
  free(s);
  w = start(0); /* a key out of order is refused, not written unsorted */
  dc_jsonw_object(w, DC_JSONW_INLINE | DC_JSONW_ORDERED);
  dc_jsonw_kint(w, "b", 2);
  dc_jsonw_kint(w, "a", 1);
  assert_int_equal(dc_jsonw_error(w), DC_JSONW_EUSAGE);
  dc_jsonw_end(w);
  free(finish(w, DC_JSONW_EUSAGE));
}

static void test_usage_errors(void **state) {
  (void)state;
  dc_jsonw *w = start(0); /* a key twice */
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_kint(w, "a", 1);
  dc_jsonw_kint(w, "a", 2);
  dc_jsonw_end(w);
  free(finish(w, DC_JSONW_EUSAGE));
  w = start(0); /* a value without its key */
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_int(w, 1);
  dc_jsonw_end(w);
  free(finish(w, DC_JSONW_EUSAGE));
  w = start(0); /* a key in an array */
  dc_jsonw_array(w, DC_JSONW_INLINE);
  dc_jsonw_key(w, "a");
  dc_jsonw_end(w);
  free(finish(w, DC_JSONW_EUSAGE));
  w = start(0); /* not ended */
  dc_jsonw_array(w, DC_JSONW_INLINE);
  free(finish(w, DC_JSONW_EUSAGE));
  w = start(0); /* two values */
  dc_jsonw_int(w, 1);
  dc_jsonw_int(w, 2);
  free(finish(w, DC_JSONW_EUSAGE));
  w = start(0); /* nothing */
  free(finish(w, DC_JSONW_EUSAGE));
  w = start(0); /* a key with no value at the end */
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_key(w, "a");
  dc_jsonw_end(w);
  free(finish(w, DC_JSONW_EUSAGE));
}

/* valid UTF-8 whatever the bytes: one U+FFFD a bad byte */
static void test_utf8(void **state) {
  (void)state;
  dc_jsonw *w = start(0);
  dc_jsonw_str(w, "z\xc3\xa9 \xff \xe2\x82 \xed\xa0\x80 \xf0\x9f\x98\x80 \xc0\xaf \xf4\x90\x80\x80 \x80");
  char *s = finish(w, DC_JSONW_OK);
  assert_string_equal(s, "\"z\xc3\xa9 \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
                         "\xf0\x9f\x98\x80 \xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd "
                         "\xef\xbf\xbd\"");
  free(s);
  w = start(0); /* a sequence cut by the end of a counted string */
  dc_jsonw_strn(w, "a\xc3\xa9", 2);
  s = finish(w, DC_JSONW_OK);
  assert_string_equal(s, "\"a\xef\xbf\xbd\"");
  free(s);
}

static void test_escapes(void **state) {
  (void)state;
  dc_jsonw *w = start(0);
  dc_jsonw_object(w, DC_JSONW_INLINE);
  dc_jsonw_kstr(w, "k\"\\", "q\"b\\n\nt\tr\rd\x7f" "e\x01");
  dc_jsonw_key(w, "nul");
  dc_jsonw_strn(w, "a\0b", 3);
  dc_jsonw_end(w);
  char *s = finish(w, DC_JSONW_OK);
  assert_string_equal(s, "{\"k\\\"\\\\\": \"q\\\"b\\\\n\\nt\\tr\\u000dd\\u007fe\\u0001\", \"nul\": \"a\\u0000b\"}");
  free(s);
  mem = open_memstream(&buf, &len);
  dc_jsonw_fput_str(mem, "x\xff");
  dc_jsonw_fput_str(mem, NULL);
  fclose(mem);
  assert_string_equal(buf, "\"x\xef\xbf\xbd\"null");
  free(buf);
}

static void test_numbers(void **state) {
  (void)state;
  dc_jsonw *w = start(0);
  dc_jsonw_array(w, DC_JSONW_INLINE);
  dc_jsonw_num(w, 0.1);
  dc_jsonw_num(w, NAN);
  dc_jsonw_num(w, -INFINITY);
  dc_jsonw_num(w, 1e300);
  dc_jsonw_num(w, -0.0);
  dc_jsonw_int(w, LLONG_MIN);
  dc_jsonw_int(w, 0);
  dc_jsonw_int(w, 2035);
  dc_jsonw_end(w);
  char *s = finish(w, DC_JSONW_OK);
  assert_string_equal(s, "[0.1, null, null, 1e+300, 0, -9223372036854775808, 0, 2035]");
  free(s);
}

/* the layouts, as the reports use them */
static void test_layout(void **state) {
  (void)state;
  for (int compact = 0; compact <= 1; compact++) {
    dc_jsonw *w = start(compact ? DC_JSONW_COMPACT : 0);
    dc_jsonw_object(w, DC_JSONW_LINES);
    dc_jsonw_key(w, "b");
    dc_jsonw_array(w, DC_JSONW_LINES);
    dc_jsonw_object(w, DC_JSONW_INLINE);
    dc_jsonw_kint(w, "x", 1);
    dc_jsonw_key_break(w, "years");
    dc_jsonw_array(w, DC_JSONW_LINES | DC_JSONW_TIGHT);
    dc_jsonw_int(w, 2020);
    dc_jsonw_int(w, 2021);
    dc_jsonw_end(w);
    dc_jsonw_end(w);
    dc_jsonw_end(w);
    dc_jsonw_key(w, "a");
    dc_jsonw_array(w, DC_JSONW_LINES); /* empty: [] */
    dc_jsonw_end(w);
    dc_jsonw_end(w);
    char *s = finish(w, DC_JSONW_OK);
    if (compact)
      assert_string_equal(s, "{\"a\": [],\"b\": [{\"x\": 1,\"years\": [2020,2021]}]}");
    else
      assert_string_equal(s, "{\n  \"a\": [],\n  \"b\": [\n    {\"x\": 1,\n     \"years\": [\n       2020,\n       2021]}\n"
                             "  ]\n}");
    free(s);
  }
}

/* more than the output block: written whole, in order */
static void test_big(void **state) {
  (void)state;
  dc_jsonw *w = start(DC_JSONW_COMPACT);
  dc_jsonw_object(w, DC_JSONW_INLINE | DC_JSONW_ORDERED);
  dc_jsonw_key(w, "a");
  dc_jsonw_array(w, DC_JSONW_INLINE);
  for (int i = 0; i < 50000; i++) dc_jsonw_int(w, i);
  dc_jsonw_end(w);
  dc_jsonw_key(w, "b");
  dc_jsonw_object(w, DC_JSONW_INLINE); /* a held object bigger than the block */
  dc_jsonw_key(w, "v");
  dc_jsonw_array(w, DC_JSONW_INLINE);
  for (int i = 0; i < 50000; i++) dc_jsonw_int(w, i);
  dc_jsonw_end(w);
  dc_jsonw_end(w);
  dc_jsonw_end(w);
  char *s = finish(w, DC_JSONW_OK);
  assert_true(strncmp(s, "{\"a\": [0, 1, 2, ", 16) == 0);
  assert_non_null(strstr(s, "49999], \"b\": {\"v\": [0, 1, "));
  assert_true(strcmp(s + strlen(s) - 9, "49999]}}") == 0 || strcmp(s + strlen(s) - 8, "49999]}}") == 0);
  free(s);
}

static void test_write_error(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  dc_jsonw *w = dc_jsonw_open(f, 0);
  dc_jsonw_str(w, "x");
  assert_int_equal(dc_jsonw_close(w), DC_JSONW_EWRITE);
  fclose(f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sorted_keys), cmocka_unit_test(test_many_keys), cmocka_unit_test(test_ordered),
      cmocka_unit_test(test_usage_errors), cmocka_unit_test(test_utf8),      cmocka_unit_test(test_escapes),
      cmocka_unit_test(test_numbers),      cmocka_unit_test(test_layout),    cmocka_unit_test(test_big),
      cmocka_unit_test(test_write_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
