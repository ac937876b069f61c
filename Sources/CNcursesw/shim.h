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

// glibc declares wcwidth only under _XOPEN_SOURCE, which Swift's Glibc module does not set.
extern int wcwidth(wchar_t character);

static inline unsigned int coupondesk_attr_normal(void) { return A_NORMAL; }
static inline unsigned int coupondesk_attr_bold(void) { return A_BOLD; }
static inline unsigned int coupondesk_attr_dim(void) { return A_DIM; }
static inline unsigned int coupondesk_attr_reverse(void) { return A_REVERSE; }
static inline unsigned int coupondesk_attr_underline(void) { return A_UNDERLINE; }
static inline unsigned int coupondesk_color_pair(short pair) { return (unsigned int)COLOR_PAIR(pair); }
static inline int coupondesk_lines(void) { return LINES; }
static inline int coupondesk_cols(void) { return COLS; }
static inline int coupondesk_colors(void) { return COLORS; }
static inline int coupondesk_color_pairs(void) { return COLOR_PAIRS; }
static inline int coupondesk_key_function(int number) { return KEY_F(number); }
static inline const char *coupondesk_codeset(void) { return nl_langinfo(CODESET); }
static inline WINDOW *coupondesk_stdscr(void) { return stdscr; }
static inline WINDOW *coupondesk_curscr(void) { return curscr; }

// Starts ncurses on the process's own stdin and stdout; NULL (not an exit, as initscr does) on failure.
static inline SCREEN *coupondesk_newterm(void) { return newterm(NULL, stdout, stdin); }

// Draws one grapheme (up to five code points) at a position, with attributes and a colour pair.
static inline int coupondesk_put_grapheme(int y, int x, const wchar_t *text, unsigned int attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attributes, pair, NULL) == ERR) {
        return ERR;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

// A terminfo string capability, or NULL when the terminal has none.
static inline const char *coupondesk_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) {
        return NULL;
    }
    return value;
}

#endif
