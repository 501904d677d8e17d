#!/usr/bin/env python3
"""Xvfb's -fbdir framebuffer (XWD, 24/32 bit ZPixmap) to PNG, standard library only: xwd-to-png.py IN OUT [--min-colours N]
With --min-colours: exit 1 when the screen shows fewer distinct colours (a blank screen, nothing painted)."""
import struct, sys, zlib

def main(src, dst, min_colours=0):
    data = open(src, 'rb').read()
    h = struct.unpack('>25I', data[:100])
    header_size, width, height = h[0], h[4], h[5]
    bits_per_pixel, bytes_per_line, ncolors = h[11], h[12], h[19]
    byte_order = h[7]  # 0 LSBFirst
    if bits_per_pixel != 32:
        sys.exit('xwd-to-png: only 32 bits per pixel, not %d' % bits_per_pixel)
    off = header_size + ncolors * 12
    rows = []
    colours = set()
    for y in range(height):
        line = data[off + y * bytes_per_line: off + y * bytes_per_line + width * 4]
        if byte_order == 0:   # B G R X
            b, g, r = line[0::4], line[1::4], line[2::4]
        else:                 # X R G B
            r, g, b = line[1::4], line[2::4], line[3::4]
        px = bytearray(width * 3)
        px[0::3], px[1::3], px[2::3] = r, g, b
        rows.append(b'\x00' + bytes(px))
        if min_colours and y % 8 == 0:
            colours.update(bytes(px[i:i + 3]) for i in range(0, len(px), 3 * 8))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
    png += chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b'')
    open(dst, 'wb').write(png)
    if min_colours and len(colours) < min_colours:
        sys.exit('xwd-to-png: %s shows %d colours (fewer than %d): nothing painted?' % (dst, len(colours), min_colours))

if __name__ == '__main__':
    n = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == '--min-colours' else 0
    main(sys.argv[1], sys.argv[2], n)
