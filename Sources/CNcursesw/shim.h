// The ncursesw wide-character API, plus functions for the parts ncurses exposes only as macros.
#ifndef COUPONDESK_CNCURSESW_SHIM_H
#define COUPONDESK_CNCURSESW_SHIM_H

// pkg-config's -D_XOPEN_SOURCE is dropped by SwiftPM, so the wide API is switched on here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline unsigned int coupondesk_attr_normal(void) { return A_NORMAL; }
static inline unsigned int coupondesk_attr_bold(void) { return A_BOLD; }
static inline unsigned int coupondesk_attr_dim(void) { return A_DIM; }
static inline unsigned int coupondesk_attr_reverse(void) { return A_REVERSE; }
static inline unsigned int coupondesk_attr_underline(void) { return A_UNDERLINE; }
static inline unsigned int coupondesk_color_pair(short pair) { return (unsigned int)COLOR_PAIR(pair); }
static inline int coupondesk_lines(void) { return LINES; }
static inline int coupondesk_cols(void) { return COLS; }

#endif
