using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pipelines.IO;

/// <summary>
/// An append-only list of unmanaged values held in native chunks, freed the moment <see cref="Dispose"/> is called.
/// </summary>
/// <remarks>
/// The reader's numbers and codes live here until the file ends and are then copied into the final column arrays.
/// With managed chunks both copies would coexist until some later garbage collection, doubling the peak; native
/// chunks of 256 KiB (above malloc's mmap threshold) go back to the operating system as soon as each column is copied,
/// so the peak stays close to the final arrays. Growing never copies except while the first chunk is still small.
/// </remarks>
internal sealed class NativeBuffer<T> : IDisposable where T : unmanaged
{
    private const int Shift = 16;
    private const int ChunkSize = 1 << Shift;
    private const int Mask = ChunkSize - 1;
    private readonly List<nint> _chunks = [];
    private nint _current;
    private int _capacity;
    private int _used;

    ~NativeBuffer() => Free();

    public int Count { get; private set; }

    public T this[int index] => Element(_chunks[index >> Shift], index & Mask);

    public void Add(T value)
    {
        if (_used == _capacity) Grow();
        Element(_current, _used++) = value;
        Count++;
    }

    /// <summary>The contents as one exact-size managed array.</summary>
    public T[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<T>(Count);
        var offset = 0;
        foreach (var chunk in _chunks)
        {
            var n = Math.Min(ChunkSize, Count - offset);
            MemoryMarshal.CreateReadOnlySpan(ref Element(chunk, 0), n).CopyTo(result.AsSpan(offset));
            offset += n;
        }
        return result;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private static unsafe ref T Element(nint block, int i) => ref ((T*)block)[i];

    private void Grow()
    {
        ObjectDisposedException.ThrowIf(_capacity < 0, this);
        var size = Unsafe.SizeOf<T>();
        if (_chunks.Count == 0)
        {
            _capacity = 256; // small first chunk: many short columns (tests, small files) stay cheap
            _current = Marshal.AllocHGlobal(_capacity * size);
            _chunks.Add(_current);
        }
        else if (_capacity < ChunkSize)
        {
            _capacity = Math.Min(ChunkSize, _capacity * 2);
            _current = Marshal.ReAllocHGlobal(_current, _capacity * size);
            _chunks[^1] = _current;
        }
        else
        {
            _current = Marshal.AllocHGlobal(ChunkSize * size);
            _chunks.Add(_current);
            _used = 0;
        }
    }

    private void Free()
    {
        foreach (var chunk in _chunks) Marshal.FreeHGlobal(chunk);
        _chunks.Clear();
        _current = 0;
        _capacity = -1;
        _used = 0;
    }
}
