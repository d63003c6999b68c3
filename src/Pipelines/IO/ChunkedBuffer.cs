namespace Pipelines.IO;

/// <summary>
/// An append-only list stored in fixed-size chunks. Growing never copies (a doubling array briefly holds
/// three times its contents), and chunks stay below the large-object-heap threshold, so the reader's peak
/// memory is close to the final column arrays.
/// </summary>
internal sealed class ChunkedBuffer<T>
{
    private const int Shift = 13;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private readonly List<T[]> _chunks = [];
    private T[] _current = [];
    private int _used;

    public int Count { get; private set; }

    public T this[int index] => _chunks[index >> Shift][index & Mask];

    public void Add(T value)
    {
        if (_used == _current.Length) NewChunk();
        _current[_used++] = value;
        Count++;
    }

    /// <summary>The contents as one exact-size array.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            var n = Math.Min(chunk.Length, Count - offset);
            chunk.AsSpan(0, n).CopyTo(result.AsSpan(offset));
            offset += n;
        }
        return result;
    }

    private void NewChunk()
    {
        if (_chunks.Count == 0)
        {
            // Start small so that many short columns (tests, small files) stay cheap.
            _current = new T[256];
            _chunks.Add(_current);
            _used = 0;
            return;
        }
        if (_current.Length < ChunkSize)
        {
            // Only the first chunk is ever short; it doubles until full size, keeping index math a shift and a mask.
            var bigger = new T[Math.Min(ChunkSize, _current.Length * 2)];
            _current.CopyTo(bigger, 0);
            _chunks[^1] = bigger;
            _current = bigger;
            return;
        }
        _current = new T[ChunkSize];
        _chunks.Add(_current);
        _used = 0;
    }
}
