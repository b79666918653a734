using Kontor.Features.Customers.Duplicates;

namespace Kontor.Tests.Features.Customers.Duplicates;

public sealed class MatchKeysTests
{
    [Theory]
    [InlineData("Müller GmbH & Co. KG", "mueller")]
    [InlineData("mueller gmbh co kg", "mueller")]
    [InlineData("MÜLLER GMBH", "mueller")]
    [InlineData("Müller", "mueller")]
    [InlineData("ACME Ltd.", "acme")]
    [InlineData("Acme Limited", "acme")]
    [InlineData("ACME Inc.", "acme")]
    [InlineData("Acme Corp.", "acme")]
    [InlineData("Acme, LLC", "acme")]
    [InlineData("Acme plc", "acme")]
    [InlineData("Bäckerei Groß e.K.", "baeckereigross")]
    [InlineData("Sportverein Blau-Weiß e.V.", "sportvereinblauweiss")]
    [InlineData("Start-up UG (haftungsbeschränkt)", "startup")]
    [InlineData("Schmidt & Partner GbR", "schmidtpartner")]
    [InlineData("Weber Holding AG & Co. KG", "weberholding")]
    [InlineData("Weber Holding SE", "weberholding")]
    [InlineData("Merck KGaA", "merck")]
    [InlineData("Bauer OHG", "bauer")]
    [InlineData("Société Générale S.A.", "societegenerale")]
    [InlineData("Dupont S.à r.l.", "dupont")]
    [InlineData("Philips N.V.", "philips")]
    [InlineData("Heineken B.V.", "heineken")]
    [InlineData("Ferrari S.r.l.", "ferrari")]
    [InlineData("  Data   Port  ", "dataport")]
    [InlineData("Dataport", "dataport")]
    [InlineData("Café Crème", "cafecreme")]
    public void Normalize_CompanyName_FoldsCaseUmlautsPunctuationAndLegalForms(string name, string expected) =>
        Assert.Equal(expected, CompanyNames.Normalize(name));

    [Theory]
    [InlineData("AG")]
    [InlineData("GmbH & Co. KG")]
    public void Normalize_NameOfNothingButLegalForms_KeepsThem(string name) =>
        Assert.NotEqual("", CompanyNames.Normalize(name));

    [Fact]
    public void Normalize_LegalFormInTheMiddle_StaysPartOfTheName() =>
        Assert.Equal("agkommunikation", CompanyNames.Normalize("AG Kommunikation GmbH"));

    [Theory]
    [InlineData("muellerbau", "mullerbau", 0.9)]
    [InlineData("acme", "acme", 1.0)]
    [InlineData("kitten", "sitting", 1 - (3.0 / 7))]
    [InlineData("abc", "xyz", 0.0)]
    public void Similarity_IsOneMinusLevenshteinOverLongerLength(string a, string b, double expected) =>
        Assert.Equal(expected, CompanyNames.Similarity(a, b), precision: 6);

    [Fact]
    public void Similarity_OneTypoInAShortName_ReachesTheThreshold() =>
        Assert.True(CompanyNames.Similarity(CompanyNames.Normalize("Schreinerei Maier"), CompanyNames.Normalize("Schreinerei Meier GmbH")) >= DuplicateFinder.SimilarNameThreshold);

    [Fact]
    public void Similarity_DifferentCompaniesOfOnePostalCode_StayBelowTheThreshold() =>
        Assert.True(CompanyNames.Similarity(CompanyNames.Normalize("Bäckerei Schulz"), CompanyNames.Normalize("Metzgerei Schulz")) < DuplicateFinder.SimilarNameThreshold);

    [Theory]
    [InlineData("70173", "70173")]
    [InlineData(" d-70173 ", "D70173")]
    [InlineData("SW1A 1AA", "SW1A1AA")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void PostalCode_DropsSpacesAndDashesAndUppercases(string? code, string? expected) =>
        Assert.Equal(expected, MatchKeys.PostalCode(code));

    [Theory]
    [InlineData("Jörg-Peter", "Müller", "joergpetermueller")]
    [InlineData("jörg peter", "MUELLER", "joergpetermueller")]
    [InlineData(null, "Müller", "mueller")]
    [InlineData("Anna", "", null)]
    public void PersonName_FoldsFirstAndLastName(string? first, string? last, string? expected) =>
        Assert.Equal(expected, MatchKeys.PersonName(first, last));
}
