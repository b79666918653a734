using Kontor.Platform.Data;

namespace Kontor.Tests.Platform.Data;

public sealed class PostgresSessionTests
{
    [Theory]
    [InlineData("Host=db;Database=kontor", "-c jit=off")]
    [InlineData("Host=db;Database=kontor;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [InlineData("Host=db;Database=kontor;Options=-c jit=on", "-c jit=on")]
    public void WithoutJit_SwitchesJitOffUnlessTheOperatorSetIt(string connectionString, string options)
    {
        var result = new Npgsql.NpgsqlConnectionStringBuilder(DataModule.WithoutJit(connectionString));

        Assert.Equal(options, result.Options);
        Assert.Equal("db", result.Host);
    }
}
