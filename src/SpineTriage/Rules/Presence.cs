namespace SpineTriage.Rules;

/// <summary>Whether a derived fact (fever) is present, absent or cannot be told.</summary>
internal enum Presence : byte
{
    Unknown,
    Absent,
    Present,
}
