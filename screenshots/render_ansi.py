#!/usr/bin/env python3
"""Renders a tmux `capture-pane -e -p -N` capture (text with SGR colour codes) to a PNG.

The capture is laid out on a grid of terminal cells: a character takes as many cells as the C library's
wcwidth says (the same function curses used to draw it, so CJK text lines up as it did on screen).
Colours follow the xterm 256-colour palette; bold, dim, underline and reverse are honoured.

The terminal's own background is dark by default; `--background RRGGBB` sets another, and a light
one (a light terminal, for the light theme) also gets black text and xterm's standard ANSI colours.

Usage: render_ansi.py CAPTURE.txt OUT.png --width COLUMNS --height ROWS [--cursor X,Y] [--title TEXT]
       [--background RRGGBB]
"""

import argparse
import ctypes
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_SIZE = 16
PADDING = 14
TITLE_HEIGHT = 30
DEFAULT_FOREGROUND = (0xD6, 0xD6, 0xD6)
DEFAULT_BACKGROUND = (0x1E, 0x1F, 0x24)
TITLE_BACKGROUND = (0x2B, 0x2D, 0x33)
TITLE_FOREGROUND = (0x9A, 0x9D, 0xA6)
# The sixteen ANSI colours (a dark theme close to xterm's, a little softer).
ANSI_COLOURS = [
    (0x1E, 0x1F, 0x24), (0xE0, 0x5A, 0x5A), (0x7F, 0xC0, 0x6A), (0xE5, 0xC0, 0x6A),
    (0x5F, 0x9B, 0xE8), (0xC6, 0x7A, 0xD8), (0x5C, 0xC3, 0xC9), (0xD6, 0xD6, 0xD6),
    (0x6B, 0x6E, 0x78), (0xFF, 0x7B, 0x7B), (0xA0, 0xE0, 0x88), (0xFF, 0xDD, 0x88),
    (0x88, 0xBB, 0xFF), (0xE6, 0x9C, 0xF5), (0x7F, 0xE6, 0xEC), (0xFF, 0xFF, 0xFF),
]

# xterm's own sixteen colours, on a light background.
XTERM_ANSI_COLOURS = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
]


def use_background(colour):
    """Draws on the terminal background `colour`; a light one gets black text and xterm's colours."""
    global DEFAULT_FOREGROUND, DEFAULT_BACKGROUND, TITLE_BACKGROUND, TITLE_FOREGROUND, ANSI_COLOURS
    DEFAULT_BACKGROUND = colour
    if sum(colour) / 3 >= 128:
        DEFAULT_FOREGROUND = (0, 0, 0)
        TITLE_BACKGROUND = (0xE4, 0xE4, 0xE7)
        TITLE_FOREGROUND = (0x50, 0x52, 0x5A)
        ANSI_COLOURS = XTERM_ANSI_COLOURS


DEJAVU_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
DEJAVU_MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
DEJAVU_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DEJAVU_SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
SYMBOLA = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;:?]*[A-Za-z]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z])")

_libc = ctypes.CDLL("libc.so.6")
_libc.setlocale(6, b"C.UTF-8")  # LC_ALL
_libc.wcwidth.argtypes = [ctypes.c_wchar]
_libc.wcwidth.restype = ctypes.c_int


def cell_width(character):
    """Cells a character takes, as the terminal measured it."""
    return max(0, _libc.wcwidth(character))


def palette(index):
    """The xterm 256-colour palette."""
    if index < 16:
        return ANSI_COLOURS[index]
    if index >= 232:
        level = 8 + 10 * (index - 232)
        return (level, level, level)
    cube = index - 16
    steps = [0, 95, 135, 175, 215, 255]
    return (steps[cube // 36], steps[cube // 6 % 6], steps[cube % 6])


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.foreground = None
        self.background = None
        self.bold = False
        self.dim = False
        self.underline = False
        self.reverse = False

    def copy(self):
        other = Style()
        other.__dict__.update(self.__dict__)
        return other

    def apply(self, parameters):
        codes = [int(code) if code else 0 for code in re.split("[;:]", parameters)] if parameters else [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 4:
                self.underline = True
            elif code == 7:
                self.reverse = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.reverse = False
            elif 30 <= code <= 37:
                self.foreground = palette(code - 30)
            elif 90 <= code <= 97:
                self.foreground = palette(code - 90 + 8)
            elif code == 39:
                self.foreground = None
            elif 40 <= code <= 47:
                self.background = palette(code - 40)
            elif 100 <= code <= 107:
                self.background = palette(code - 100 + 8)
            elif code == 49:
                self.background = None
            elif code in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = palette(codes[i + 2] % 256)
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if code == 38:
                    self.foreground = colour
                else:
                    self.background = colour
            i += 1

    def colours(self):
        foreground = self.foreground or DEFAULT_FOREGROUND
        background = self.background or DEFAULT_BACKGROUND
        if self.reverse:
            foreground, background = background, foreground
        if self.dim:
            foreground = tuple((f + b) // 2 for f, b in zip(foreground, background))
        return foreground, background


def parse(capture, width, height):
    """The capture as rows of cells: (text, cells wide, style) with None for a wide character's tail."""
    rows = []
    style = Style()
    for line in capture.split("\n")[:height]:
        row = []
        position = 0
        while position < len(line):
            match = SGR.match(line, position)
            if match:
                style.apply(match.group(1))
                position = match.end()
                continue
            match = OTHER_ESCAPE.match(line, position)
            if match:
                position = match.end()
                continue
            character = line[position]
            position += 1
            cells = cell_width(character)
            if cells == 0:
                if row and row[-1] is not None:
                    text, wide, cell_style = row[-1]
                    row[-1] = (text + character, wide, cell_style)
                continue
            row.append((character, cells, style.copy()))
            if cells == 2:
                row.append(None)
        row = row[:width]
        while len(row) < width:
            row.append((" ", 1, Style()))
        rows.append(row)
    while len(rows) < height:
        rows.append([(" ", 1, Style()) for _ in range(width)])
    return rows


class Fonts:
    """DejaVu Sans Mono, then DejaVu Sans and Symbola for the symbols it lacks (Symbola has the control
    pictures the sanitiser shows), and WenQuanYi Zen Hei Mono for CJK."""

    def __init__(self):
        self.regular = ImageFont.truetype(DEJAVU_MONO, FONT_SIZE)
        self.bold = ImageFont.truetype(DEJAVU_MONO_BOLD, FONT_SIZE)
        self.cell_width = round(self.regular.getlength("M"))
        ascent, descent = self.regular.getmetrics()
        self.cell_height = ascent + descent + 2
        # CJK glyphs are one em wide; a slightly larger size fills their two cells as terminals do.
        self.cjk = self._wqy_mono(round(FONT_SIZE * 1.12))
        self.symbols = ImageFont.truetype(DEJAVU_SANS, FONT_SIZE)
        self.symbols_bold = ImageFont.truetype(DEJAVU_SANS_BOLD, FONT_SIZE)
        self.more_symbols = ImageFont.truetype(SYMBOLA, FONT_SIZE)
        self._missing = {}
        self._covered = {}
        self._variants = {}

    @staticmethod
    def _wqy_mono(size):
        for index in range(4):
            try:
                font = ImageFont.truetype(WQY, size, index=index)
            except OSError:
                break
            if "Mono" in " ".join(font.getname()):
                return font
        return ImageFont.truetype(WQY, size)

    def font_for(self, text, cells, bold):
        if cells == 2:
            return self.cjk if self._has(self.cjk, text) else self.more_symbols
        if self._has(self.regular, text):
            return self.bold if bold else self.regular
        if self._has(self.symbols, text):
            return self.symbols_bold if bold else self.symbols
        if self._has(self.more_symbols, text):
            return self.more_symbols
        return self.cjk

    def fitted(self, font, text, cells):
        """The font, smaller when the glyph would spill far out of its cells (Symbola's control pictures);
        symbols a little wider than a cell keep their size, as terminals draw them."""
        room = cells * self.cell_width
        width = font.getlength(text)
        if width <= 1.4 * room:
            return font
        key = (id(font), round(font.size * room / width))
        if key not in self._variants:
            self._variants[key] = font.font_variant(size=key[1])
        return self._variants[key]

    @staticmethod
    def _mask(font, text):
        mask = font.getmask(text)
        return mask.size, bytes(mask)

    def _has(self, font, text):
        """Whether the font draws the text itself rather than its missing-glyph box."""
        key = (id(font), text)
        if key not in self._covered:
            if id(font) not in self._missing:
                self._missing[id(font)] = self._mask(font, "\U000F0000")
            self._covered[key] = self._mask(font, text) != self._missing[id(font)]
        return self._covered[key]


def render(rows, width, height, output, cursor=None, title=None):
    fonts = Fonts()
    top = TITLE_HEIGHT if title else 0
    image = Image.new(
        "RGB",
        (width * fonts.cell_width + 2 * PADDING, top + height * fonts.cell_height + 2 * PADDING),
        DEFAULT_BACKGROUND,
    )
    draw = ImageDraw.Draw(image)
    if title:
        draw.rectangle([0, 0, image.width, TITLE_HEIGHT], fill=TITLE_BACKGROUND)
        for number, colour in enumerate([(0xFF, 0x5F, 0x57), (0xFE, 0xBC, 0x2E), (0x28, 0xC8, 0x40)]):
            x = 16 + number * 20
            draw.ellipse([x, 10, x + 11, 21], fill=colour)
        title_width = fonts.regular.getlength(title)
        draw.text(((image.width - title_width) / 2, 6), title, font=fonts.regular, fill=TITLE_FOREGROUND)
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            if cell is None:
                continue
            text, cells, style = cell
            foreground, background = style.colours()
            left = PADDING + x * fonts.cell_width
            upper = top + PADDING + y * fonts.cell_height
            right = left + cells * fonts.cell_width
            lower = upper + fonts.cell_height
            if cursor == (x, y):
                foreground, background = background, foreground
            if background != DEFAULT_BACKGROUND:
                draw.rectangle([left, upper, right - 1, lower - 1], fill=background)
            if not text.isspace():
                font = fonts.fitted(fonts.font_for(text, cells, style.bold), text, cells)
                glyph_width = font.getlength(text)
                offset = max(0, (cells * fonts.cell_width - glyph_width) / 2)
                draw.text((left + offset, upper + 1), text, font=font, fill=foreground)
            if style.underline:
                draw.line([left, lower - 2, right - 1, lower - 2], fill=foreground)
    image.save(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("capture", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("--height", type=int, required=True)
    parser.add_argument("--cursor", help="X,Y of a visible cursor")
    parser.add_argument("--title", help="a window title bar")
    parser.add_argument("--background", help="the terminal's background colour, RRGGBB (default: dark)")
    arguments = parser.parse_args()
    if arguments.background:
        value = int(arguments.background.lstrip("#"), 16)
        use_background((value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF))
    capture = arguments.capture.read_text(encoding="utf-8", errors="replace")
    rows = parse(capture, arguments.width, arguments.height)
    cursor = tuple(int(value) for value in arguments.cursor.split(",")) if arguments.cursor else None
    render(rows, arguments.width, arguments.height, arguments.output, cursor, arguments.title)


if __name__ == "__main__":
    main()
