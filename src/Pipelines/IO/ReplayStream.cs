namespace Pipelines.IO;

/// <summary>
/// A read-only stream that first returns bytes already read from <c>inner</c> (to sniff the format) and then
/// the rest of <c>inner</c>. Lets a non-seekable stream be peeked at.
/// </summary>
internal sealed class ReplayStream(byte[] prefix, int prefixLength, Stream inner) : ForwardReadStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            // Fill the rest from inner too: StreamReader looks for a byte order mark only in its first read,
            // and a 3-byte UTF-8 mark would be missed if that read returned just the 2 sniffed bytes.
            return n < buffer.Length ? n + inner.Read(buffer[n..]) : n;
        }
        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
