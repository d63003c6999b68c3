using System.Buffers.Binary;
using System.IO.Compression;

namespace Pipelines.IO;

/// <summary>
/// Decompresses gzip and checks, at the end, that the data was complete. .NET's GZipStream returns a clean end of
/// stream for a file cut short, which would silently load part of a table; comparing the decompressed length with
/// the gzip trailer's ISIZE field catches that (and reading to the end makes the decompressor check the CRC). Throws
/// <see cref="InvalidDataException"/> at the end of the data; every reader of a gzip file (tables, pipeline and
/// synthesizer files) goes through it and says which file it was.
/// </summary>
/// <remarks>
/// A file made by concatenating several gzip members is decompressed fully, but only the last member's trailer is
/// available here, so such a file is reported as truncated. Recompress it as one member (<c>zcat a.gz | gzip</c>).
/// </remarks>
public sealed class GzipInputStream : ForwardReadStream
{
    private readonly TailStream _raw;
    private readonly GZipStream _gzip;
    private long _decompressed;
    private bool _checked;

    public GzipInputStream(Stream compressed)
    {
        _raw = new TailStream(compressed);
        _gzip = new GZipStream(_raw, CompressionMode.Decompress);
    }

    /// <summary>Whether <paramref name="head"/> starts with the gzip magic bytes 1F 8B.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    public override int Read(Span<byte> buffer)
    {
        var n = _gzip.Read(buffer);
        if (n > 0 || buffer.IsEmpty)
        {
            _decompressed += n;
            return n;
        }
        if (!_checked)
        {
            _checked = true;
            var tail = _raw.Tail;
            var expected = tail.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(tail[^4..]) : (uint?)null;
            if (expected != (uint)_decompressed)
                throw new InvalidDataException(
                    $"the gzip data ends early: {_decompressed:N0} bytes decompressed, but the gzip trailer does not match (the file is truncated or corrupt)");
        }
        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>Passes bytes through and remembers the last eight, where gzip keeps its CRC and length.</summary>
    private sealed class TailStream(Stream inner) : ForwardReadStream
    {
        private readonly byte[] _tail = new byte[8];
        private int _tailLength;

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            if (n >= 8)
            {
                buffer.Slice(n - 8, 8).CopyTo(_tail);
                _tailLength = 8;
            }
            else if (n > 0)
            {
                var keep = Math.Min(_tailLength, 8 - n);
                _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
                buffer[..n].CopyTo(_tail.AsSpan(keep));
                _tailLength = keep + n;
            }
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
