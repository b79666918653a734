using System.Reflection;
using Kontor.Platform.Administration;
using Microsoft.Extensions.Logging;

namespace Kontor.Tests.Platform.Administration;

public sealed class AdminLogTests
{
    [Fact]
    public void EventIds_AreUniqueAcrossKontor_SoLogQueriesFindOneKindOfEvent()
    {
        var events = typeof(AdminLog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(e => e.Attribute is not null)
            .ToList();
        var shared = events.GroupBy(e => e.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}")
            .ToList();

        Assert.Contains(events, e => e.Method == $"{nameof(AdminLog)}.{nameof(AdminLog.PasswordSet)}");
        Assert.True(shared.Count == 0, "Event ids used twice: " + string.Join("; ", shared));
    }
}
