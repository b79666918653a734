using Kontor.Features.Integration.ImportExport.Exports;

namespace Kontor.Tests.Features.Integration.ImportExport.Exports;

public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Click\")", "'=HYPERLINK(\"https://evil.example\",\"Click\")")]
    [InlineData("+49301234567", "'+49301234567")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    public void Neutralize_CellStartingWithFormulaCharacter_GetsLeadingApostrophe(string value, string expected) =>
        Assert.Equal(expected, SpreadsheetCells.Neutralize(value));

    [Theory]
    [InlineData("Müller GmbH")]
    [InlineData("a=b")]
    [InlineData(" =1")]
    [InlineData("'already quoted")]
    [InlineData("")]
    [InlineData(null)]
    public void Neutralize_OtherCells_StayAsTheyAre(string? value) =>
        Assert.Equal(value, SpreadsheetCells.Neutralize(value));
}
