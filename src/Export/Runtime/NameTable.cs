using System.Text;

namespace Pipelines.Export.Runtime;

/// <summary>Names as one buffer of zero-terminated UTF-8 strings, for the <c>const char* const*</c> arrays ORT takes.</summary>
internal sealed class NameTable
{
    private readonly int[] _offsets;

    private NameTable(byte[] text, int[] offsets)
    {
        Text = text;
        _offsets = offsets;
    }

    /// <summary>The encoded names, each followed by a zero byte (pin it while the pointers are in use).</summary>
    public byte[] Text { get; }

    /// <summary>Encodes <paramref name="names"/>.</summary>
    public static NameTable Of(IEnumerable<string> names)
    {
        var list = names.ToList();
        var offsets = new int[list.Count];
        var total = 0;
        for (var i = 0; i < list.Count; i++)
        {
            offsets[i] = total;
            total += Encoding.UTF8.GetByteCount(list[i]) + 1;
        }
        var text = new byte[Math.Max(1, total)];
        for (var i = 0; i < list.Count; i++) Encoding.UTF8.GetBytes(list[i], text.AsSpan(offsets[i]));
        return new NameTable(text, offsets);
    }

    /// <summary>The address of each name, given where <see cref="Text"/> is pinned.</summary>
    public unsafe nint[] Pointers(byte* pinnedText)
    {
        var result = new nint[Math.Max(1, _offsets.Length)];
        for (var i = 0; i < _offsets.Length; i++) result[i] = (nint)(pinnedText + _offsets[i]);
        return result;
    }
}
