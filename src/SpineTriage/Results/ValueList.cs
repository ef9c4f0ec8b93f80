using System.Collections;

namespace SpineTriage.Results;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the same order.
/// The public result types keep every list in one, copied on construction, so a caller who changes the list
/// it passed in cannot change a result, and the compiler-generated equality of a record compares the lists'
/// items (one implementation of value equality, not a hand-written <c>Equals</c> per type).
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    /// <summary>Gets the empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <summary>Gets the number of items.</summary>
    public int Count => _items.Length;

    /// <summary>Gets the item at an index.</summary>
    /// <param name="index">The index, from 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The item.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public T this[int index] => _items[index];

    /// <summary>A list of the items, copied (or the list itself when it already is a <see cref="ValueList{T}"/>).</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ValueList<T> CopyOf(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items is ValueList<T> list)
        {
            return list;
        }

        var copy = items.ToArray();
        return copy.Length == 0 ? Empty : new ValueList<T>(copy);
    }

    /// <summary>Gets an enumerator over the items.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Whether another list holds equal items in the same order.</summary>
    /// <param name="other">The other list.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Names the type and the number of items, never the items (they may hold patient data).</summary>
    /// <returns>For example <c>ValueList&lt;String&gt;[3]</c>.</returns>
    public override string ToString() => $"ValueList<{typeof(T).Name}>[{_items.Length}]";

    /// <summary>Wraps an array the caller gives up: no copy (the engine's hot path).</summary>
    internal static ValueList<T> Own(T[] items) => items.Length == 0 ? Empty : new ValueList<T>(items);
}
