using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using SpineTriage.Results;
using SpineTriage.Serialization;
using SpineTriage.TestSupport;
using SpineTriage.Validation;

namespace SpineTriage.Safety.Tests;

/// <summary>
/// Damaged report JSON gives a result or validation errors, never another exception: bytes flipped,
/// fields removed or renamed, types changed, truncation, duplicate keys, stray characters.
/// </summary>
[Trait("Category", "Safety")]
public class RobustnessTests
{
    private const int Iterations = 3_000;

    private static readonly JsonNode?[] Replacements =
    [
        null,
        JsonValue.Create(true),
        JsonValue.Create(0),
        JsonValue.Create(-1),
        JsonValue.Create(12.5m),
        JsonValue.Create(1e300),
        JsonValue.Create(""),
        JsonValue.Create("yes"),
        JsonValue.Create("2026-02-30"),
        JsonValue.Create("\u0000\uFFFF"),
        new JsonArray(),
        new JsonArray(JsonValue.Create("smoking"), JsonValue.Create("smoking")),
        new JsonObject(),
        new JsonObject { ["value"] = 38.5m },
    ];

    /// <summary>Valid report JSON in its canonical form or indented.</summary>
    private static readonly Gen<string> ValidJson = Gen.Select(ReportGen.Valid, Gen.Bool, (r, indented) => TriageJson.SerializeReport(r, indented));

    private static readonly Gen<string> Damaged = Gen.OneOf(
        FlipBytes(),
        Truncate(),
        InsertCharacters(),
        DuplicateKey(),
        ChangeNode(RemoveProperty),
        ChangeNode(RenameProperty),
        ChangeNode(ReplaceValue));

    [Fact]
    public void Damaged_report_json_gives_a_result_or_errors_and_never_throws()
    {
        Damaged.Sample(
            json =>
            {
                var fromString = ReportGen.Engine.TriageJson(json);
                var fromBytes = ReportGen.Engine.TriageJson(Encoding.UTF8.GetBytes(json));

                AssertResultOrErrors(fromString);
                AssertResultOrErrors(fromBytes);
                if (IsWellFormedUtf16(json))
                {
                    // A lone surrogate is an error in a string, but UTF-8 encoding replaces it with U+FFFD,
                    // so only well-formed text must give the same verdict both ways.
                    fromBytes.IsSuccess.Should().Be(fromString.IsSuccess);
                }
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: json => json);
    }

    [Fact]
    public void Damaged_utf8_bytes_give_a_result_or_errors_and_never_throw()
    {
        Gen.Select(ValidJson, Gen.Int[0, int.MaxValue].Array[1, 6], Gen.Byte.Array[1, 6]).Sample(
            (json, positions, bytes) =>
            {
                var utf8 = Encoding.UTF8.GetBytes(json);
                for (var i = 0; i < positions.Length; i++)
                {
                    utf8[positions[i] % utf8.Length] = bytes[i % bytes.Length];
                }

                AssertResultOrErrors(ReportGen.Engine.TriageJson(utf8));
            },
            iter: PropertyRuns.Scaled(Iterations),
            print: s => Convert.ToHexString(Encoding.UTF8.GetBytes(s.Item1)));
    }

    [Fact]
    public void A_misspelt_property_or_question_id_is_always_rejected_never_dropped()
    {
        ValidJson.Select(json => JsonNode.Parse(json)!.AsObject()).Sample(
            root =>
            {
                var properties = Objects(root).SelectMany(o => o.Select(p => (Path: o.GetPath(), Name: p.Key))).ToArray();
                foreach (var (path, name) in properties)
                {
                    var misspelt = name.Length > 3 ? name.Remove(name.Length / 2, 1) : name + "s";
                    var copy = JsonNode.Parse(root.ToJsonString())!.AsObject();
                    var same = Objects(copy).Single(o => o.GetPath() == path);
                    var value = same[name];
                    same.Remove(name);
                    same[misspelt] = value;

                    var outcome = ReportGen.Engine.TriageJson(copy.ToJsonString());

                    outcome.IsSuccess.Should().BeFalse("'{0}' was misspelt as '{1}'", name, misspelt);
                    outcome.Errors.Should().Contain(e => e.Path.EndsWith(misspelt, StringComparison.Ordinal) || e.Path.Contains($"'{misspelt}'", StringComparison.Ordinal));
                }
            },
            iter: PropertyRuns.Scaled(80),
            print: root => root.ToJsonString());
    }

    private static void AssertResultOrErrors(Outcome<TriageResult> outcome)
    {
        if (outcome.IsSuccess)
        {
            outcome.Errors.Should().BeEmpty();
            outcome.Value.Findings.Should().NotBeEmpty();
        }
        else
        {
            outcome.Errors.Should().NotBeEmpty();
            outcome.Errors.Should().OnlyContain(e => e.Path.StartsWith('$') && e.Message.Length > 0);
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Objects(p.Value))),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => new[] { p.Value! }.Concat(Nodes(p.Value))),
        JsonArray a => a.Where(v => v is not null).SelectMany(v => new[] { v! }.Concat(Nodes(v))),
        _ => [],
    };

    private static Gen<string> FlipBytes() =>
        Gen.Select(ValidJson, Gen.Int[0, int.MaxValue], Gen.Int[0, 7], (json, position, bit) =>
        {
            var chars = json.ToCharArray();
            var i = position % chars.Length;
            chars[i] = (char)(chars[i] ^ (1 << bit));
            return new string(chars);
        });

    private static Gen<string> Truncate() =>
        Gen.Select(ValidJson, Gen.Int[0, int.MaxValue], (json, length) => json[..(length % json.Length)]);

    private static Gen<string> InsertCharacters() =>
        Gen.Select(
            ValidJson,
            Gen.Int[0, int.MaxValue],
            Gen.Char["{}[]\":,-+.0eE\\nu \t\r\n\u0000\uD800\uDC00\uFEFF"].Array[1, 4],
            (json, position, chars) => json.Insert(position % (json.Length + 1), new string(chars)));

    private static Gen<string> DuplicateKey() =>
        Gen.Select(
            ValidJson,
            Gen.OneOf("\"surgeryDate\":\"2026-01-01\"", "\"painScore\":3", "\"reportId\":\"x\"", "\"answers\":{}", "\"temperature\":{\"value\":38,\"unit\":\"celsius\"}"),
            (json, property) => json.Insert(json.IndexOf('{', StringComparison.Ordinal) + 1, property + ","));

    private static Gen<string> ChangeNode(Action<JsonNode, int> change) =>
        Gen.Select(ValidJson, Gen.Int[0, int.MaxValue], (json, choice) =>
        {
            var root = JsonNode.Parse(json)!;
            change(root, choice);
            return root.ToJsonString();
        });

    private static void RemoveProperty(JsonNode root, int choice)
    {
        var properties = Objects(root).SelectMany(o => o.Select(p => (Object: o, p.Key))).ToArray();
        var (owner, key) = properties[choice % properties.Length];
        owner.Remove(key);
    }

    private static void RenameProperty(JsonNode root, int choice)
    {
        var properties = Objects(root).SelectMany(o => o.Select(p => (Object: o, p.Key))).ToArray();
        var (owner, key) = properties[choice % properties.Length];
        var value = owner[key];
        owner.Remove(key);
        owner[char.ToUpperInvariant(key[0]) + key[1..]] = value;
    }

    private static void ReplaceValue(JsonNode root, int choice)
    {
        var nodes = Nodes(root).ToArray();
        if (nodes.Length == 0)
        {
            return;
        }

        var target = nodes[choice % nodes.Length];
        var replacement = Replacements[(choice / nodes.Length) % Replacements.Length]?.DeepClone();
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
