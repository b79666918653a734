using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kontor.Platform.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC ticks so SQLite can compare and order it in SQL.
/// The offset is not kept: every instant in Kontor is UTC and formatted for the user at the edges.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
