"""QR codes read back by an independent decoder (zxing-cpp): from a grid of modules, or from a
PNG screenshot of what the browser drew (Chromium writes 8-bit, non-interlaced PNG)."""

from __future__ import annotations

import struct
import zlib

import zxingcpp

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def read_qr(grey: bytearray, width: int, height: int) -> list[str]:
    """The texts of the QR codes zxing-cpp finds in an 8-bit grey image."""
    image = memoryview(grey).cast("B", (height, width))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found]


def read_modules(rows: list[str], scale: int = 4, border: int = 4) -> list[str]:
    """Decode a symbol given as rows of '0'/'1' (1 = dark), drawn with a quiet zone."""
    width = (len(rows) + 2 * border) * scale
    grey = bytearray(b"\xff" * width * width)
    for y, row in enumerate(rows):
        for x, module in enumerate(row):
            if module == "1":
                for dy in range(scale):
                    start = ((y + border) * scale + dy) * width + (x + border) * scale
                    grey[start:start + scale] = b"\x00" * scale
    return read_qr(grey, width, width)


def png_grey(data: bytes) -> tuple[bytearray, int, int]:
    """An 8-bit grey copy of a PNG (grey, grey+alpha, RGB or RGBA, 8 bits a channel, not interlaced)."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    position, compressed, header = 8, bytearray(), b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            compressed += body
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0 and color in (0, 2, 4, 6), (depth, color, interlace)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    raw, stride = zlib.decompress(bytes(compressed)), width * channels
    grey, previous = bytearray(width * height), bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):  # undo the row's filter (PNG spec, section 9)
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                guess = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[i] = (line[i] + guess) & 255
        for x in range(width):
            pixel = line[x * channels:x * channels + min(channels, 3)]
            luma = (299 * pixel[0] + 587 * pixel[1] + 114 * pixel[2]) // 1000 if len(pixel) >= 3 else pixel[0]
            grey[y * width + x] = luma
        previous = line
    return grey, width, height


def read_png(data: bytes) -> list[str]:
    """The texts of the QR codes in a PNG screenshot."""
    return read_qr(*png_grey(data))
