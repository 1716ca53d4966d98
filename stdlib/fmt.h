/* fmt.h — the one number formatter of decarb.
 * Every number that reaches a user (REPL, reports, units, series) goes through
 * dc_fmt_number, so the same value always prints the same bytes. No locale. */
#ifndef DC_FMT_H
#define DC_FMT_H

#include <stddef.h>

/* Significant digits used when none are asked for. */
#define DC_FMT_DIGITS 6

/* Writes v with at most `digits` significant digits (1..17; 0 means
 * DC_FMT_DIGITS), trailing zeros dropped, plain notation for
 * 1e-4 <= |v| < 1e15 and exponent notation ("1.5e+20") outside that range.
 * NaN prints "nan", infinities "inf" / "-inf", -0 prints "0".
 * Returns the length written (as snprintf, excluding the NUL). */
size_t dc_fmt_number(char *buf, size_t size, double v, int digits);

/* Writes v with exactly `decimals` digits after the point (0..12), plain
 * notation, no locale; used for fixed-width columns. Returns the length. */
size_t dc_fmt_fixed(char *buf, size_t size, double v, int decimals);

/* Writes the shortest decimal text that strtod reads back as exactly v
 * (at most 17 significant digits), for JSON: plain notation for
 * 1e-4 <= |v| < 1e15, else "1.5e+20". -0 prints "0"; NaN and infinities
 * print "nan", "inf", "-inf" (JSON writers print null instead). One
 * snprintf and two to four strtod calls (subnormals: a search). Returns
 * the length. */
size_t dc_fmt_shortest(char *buf, size_t size, double v);

/* Writes the SI value si in the display d (units.h), its label after a
 * space: "12.5 MtCO2e/yr", "41.7 %", "3" when d has no label, "—" for
 * NaN; the number as dc_fmt_number with `digits` (0: DC_FMT_DIGITS). The
 * one quantity formatter of the reports and explain. Returns the length
 * (as snprintf). */
struct dc_display;
size_t dc_fmt_quantity(char *buf, size_t size, double si, const struct dc_display *d, int digits);

#endif
