using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontor.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sales : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DefaultCurrency",
                table: "Tenants",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "EUR");

            migrationBuilder.AddColumn<string>(
                name: "ContactIds",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextSteps",
                table: "Activities",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpportunityIds",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedAt",
                table: "Activities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Activities",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitOutcome",
                table: "Activities",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitStatus",
                table: "Activities",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VisitorId",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LeadAssignmentRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    PostalCodeRanges = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AssignToUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RoundRobinTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RoundRobinCounter = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadAssignmentRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadAssignmentRules_Teams_RoundRobinTeamId",
                        column: x => x.RoundRobinTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeadAssignmentRules_Users_AssignToUserId",
                        column: x => x.AssignToUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeadFormSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyCreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsentTextEnglish = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsentTextGerman = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadFormSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadScoringRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPoints = table.Column<int>(type: "INTEGER", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadScoringRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AggregateType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AggregateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pipelines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pipelines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PriceLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TaxClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuoteSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovalThresholdPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    ValidityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    VatId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Iban = table.Column<string>(type: "TEXT", maxLength: 34, nullable: true),
                    Bic = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    FooterText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuoteSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SalesTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SetBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InsideSalesTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Segments_Teams_InsideSalesTeamId",
                        column: x => x.InsideSalesTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TaxRates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TaxClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RatePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PipelineStages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PipelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    ForecastCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequiredFields = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PipelineStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PipelineStages_Pipelines_PipelineId",
                        column: x => x.PipelineId,
                        principalTable: "Pipelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PriceListEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PriceListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriceListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PriceListEntries_PriceLists_PriceListId",
                        column: x => x.PriceListId,
                        principalTable: "PriceLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PriceListEntries_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsideSalesTeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PipelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CloseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CloseDateOrder = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Probability = table.Column<int>(type: "INTEGER", nullable: false),
                    ForecastCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LeadSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Competitors = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LossReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SortName = table.Column<string>(type: "TEXT", maxLength: 420, nullable: false),
                    SearchTerms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opportunities_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunities_PipelineStages_StageId",
                        column: x => x.StageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunities_Pipelines_PipelineId",
                        column: x => x.PipelineId,
                        principalTable: "Pipelines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunities_Teams_InsideSalesTeamId",
                        column: x => x.InsideSalesTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Opportunities_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Leads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Salutation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Campaign = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DisqualificationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConsentText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreExplanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ConvertedAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConvertedContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConvertedOpportunityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConvertedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SortName = table.Column<string>(type: "TEXT", maxLength: 420, nullable: false),
                    SearchTerms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Street = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Leads_Accounts_ConvertedAccountId",
                        column: x => x.ConvertedAccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Leads_Contacts_ConvertedContactId",
                        column: x => x.ConvertedContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Leads_Opportunities_ConvertedOpportunityId",
                        column: x => x.ConvertedOpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Leads_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Leads_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityContacts_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityContacts_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityStageChanges_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityStageChanges_PipelineStages_StageId",
                        column: x => x.StageId,
                        principalTable: "PipelineStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Quotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TaxCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    QuoteDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    DiscountAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    QuoteDiscount = table.Column<long>(type: "INTEGER", nullable: false),
                    NetTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    GrossTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxDiscountPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    ApprovalRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApproverId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalRequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalRequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovalDecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovalComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quotes_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Quotes_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UpsellSignals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaisedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpsellSignals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpsellSignals_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpsellSignals_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpsellSignals_Users_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_UpsellSignals_Users_RaisedBy",
                        column: x => x.RaisedBy,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuoteNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TaxCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    DiscountAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    Subtotal = table.Column<long>(type: "INTEGER", nullable: false),
                    QuoteDiscount = table.Column<long>(type: "INTEGER", nullable: false),
                    NetTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    GrossTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    ErpOrderNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErpStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ErpUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<uint>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeletedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "Quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuoteLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TaxClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    DiscountAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    GrossAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    LineDiscount = table.Column<long>(type: "INTEGER", nullable: false),
                    NetAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    QuoteDiscountShare = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxableAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxRatePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    TaxAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuoteLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuoteLines_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuoteLines_Quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "Quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TaxClass = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    DiscountAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    GrossAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    LineDiscount = table.Column<long>(type: "INTEGER", nullable: false),
                    NetAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    QuoteDiscountShare = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxableAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    TaxRatePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    TaxAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalAmount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderLines_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrderLines_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_VisitorId_OccurredAt",
                table: "Activities",
                columns: new[] { "TenantId", "VisitorId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_VisitorId",
                table: "Activities",
                column: "VisitorId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadAssignmentRules_AssignToUserId",
                table: "LeadAssignmentRules",
                column: "AssignToUserId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadAssignmentRules_RoundRobinTeamId",
                table: "LeadAssignmentRules",
                column: "RoundRobinTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadAssignmentRules_TenantId_Position",
                table: "LeadAssignmentRules",
                columns: new[] { "TenantId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadFormSettings_TenantId",
                table: "LeadFormSettings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeadFormSettings_TenantId_FormKey",
                table: "LeadFormSettings",
                columns: new[] { "TenantId", "FormKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Leads_ConvertedAccountId",
                table: "Leads",
                column: "ConvertedAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_ConvertedContactId",
                table: "Leads",
                column: "ConvertedContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_ConvertedOpportunityId",
                table: "Leads",
                column: "ConvertedOpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_OwnerId",
                table: "Leads",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TeamId",
                table: "Leads",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ConvertedAccountId",
                table: "Leads",
                columns: new[] { "TenantId", "ConvertedAccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ConvertedContactId",
                table: "Leads",
                columns: new[] { "TenantId", "ConvertedContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ConvertedOpportunityId",
                table: "Leads",
                columns: new[] { "TenantId", "ConvertedOpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_CreatedAt_Id",
                table: "Leads",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_DeletedAt",
                table: "Leads",
                columns: new[] { "TenantId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_Email",
                table: "Leads",
                columns: new[] { "TenantId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_OwnerId_Status",
                table: "Leads",
                columns: new[] { "TenantId", "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_Score_Id",
                table: "Leads",
                columns: new[] { "TenantId", "Score", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_SortName_Id",
                table: "Leads",
                columns: new[] { "TenantId", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_Status",
                table: "Leads",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_TeamId",
                table: "Leads",
                columns: new[] { "TenantId", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_UpdatedAt_Id",
                table: "Leads",
                columns: new[] { "TenantId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadScoringRules_TenantId_Name",
                table: "LeadScoringRules",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_AccountId",
                table: "Opportunities",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_InsideSalesTeamId",
                table: "Opportunities",
                column: "InsideSalesTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId",
                table: "Opportunities",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_PipelineId",
                table: "Opportunities",
                column: "PipelineId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_StageId",
                table: "Opportunities",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_AccountId",
                table: "Opportunities",
                columns: new[] { "TenantId", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_CloseDateOrder_Id",
                table: "Opportunities",
                columns: new[] { "TenantId", "CloseDateOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_DeletedAt",
                table: "Opportunities",
                columns: new[] { "TenantId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_InsideSalesTeamId",
                table: "Opportunities",
                columns: new[] { "TenantId", "InsideSalesTeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_Outcome_ClosedAt",
                table: "Opportunities",
                columns: new[] { "TenantId", "Outcome", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_Outcome_CloseDate",
                table: "Opportunities",
                columns: new[] { "TenantId", "Outcome", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_OwnerId_Outcome",
                table: "Opportunities",
                columns: new[] { "TenantId", "OwnerId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_PipelineId_StageId_Currency",
                table: "Opportunities",
                columns: new[] { "TenantId", "PipelineId", "StageId", "Currency" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_SortName_Id",
                table: "Opportunities",
                columns: new[] { "TenantId", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_StageId_CloseDateOrder_Id",
                table: "Opportunities",
                columns: new[] { "TenantId", "StageId", "CloseDateOrder", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_TenantId_UpdatedAt_Id",
                table: "Opportunities",
                columns: new[] { "TenantId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContacts_ContactId",
                table: "OpportunityContacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContacts_OpportunityId",
                table: "OpportunityContacts",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContacts_TenantId_ContactId",
                table: "OpportunityContacts",
                columns: new[] { "TenantId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityContacts_TenantId_OpportunityId_ContactId",
                table: "OpportunityContacts",
                columns: new[] { "TenantId", "OpportunityId", "ContactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChanges_OpportunityId",
                table: "OpportunityStageChanges",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChanges_StageId",
                table: "OpportunityStageChanges",
                column: "StageId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChanges_TenantId_OpportunityId_EnteredAt",
                table: "OpportunityStageChanges",
                columns: new[] { "TenantId", "OpportunityId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityStageChanges_TenantId_StageId",
                table: "OpportunityStageChanges",
                columns: new[] { "TenantId", "StageId" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_OrderId",
                table: "OrderLines",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_ProductId",
                table: "OrderLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_TenantId_OrderId_Position",
                table: "OrderLines",
                columns: new[] { "TenantId", "OrderId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderLines_TenantId_ProductId",
                table: "OrderLines",
                columns: new[] { "TenantId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AccountId",
                table: "Orders",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_OpportunityId",
                table: "Orders",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_QuoteId",
                table: "Orders",
                column: "QuoteId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_CreatedAt_Id",
                table: "Orders",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_DeletedAt",
                table: "Orders",
                columns: new[] { "TenantId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_OpportunityId",
                table: "Orders",
                columns: new[] { "TenantId", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_QuoteId",
                table: "Orders",
                columns: new[] { "TenantId", "QuoteId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_TenantId_Sequence",
                table: "Orders",
                columns: new[] { "TenantId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEvents_TenantId_AggregateType_AggregateId",
                table: "OutboxEvents",
                columns: new[] { "TenantId", "AggregateType", "AggregateId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEvents_TenantId_DispatchedAt_CreatedAt",
                table: "OutboxEvents",
                columns: new[] { "TenantId", "DispatchedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Pipelines_TenantId_Name",
                table: "Pipelines",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PipelineStages_PipelineId",
                table: "PipelineStages",
                column: "PipelineId");

            migrationBuilder.CreateIndex(
                name: "IX_PipelineStages_TenantId_PipelineId_Order",
                table: "PipelineStages",
                columns: new[] { "TenantId", "PipelineId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_PriceListEntries_PriceListId",
                table: "PriceListEntries",
                column: "PriceListId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListEntries_ProductId",
                table: "PriceListEntries",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_PriceListEntries_TenantId_PriceListId_ProductId",
                table: "PriceListEntries",
                columns: new[] { "TenantId", "PriceListId", "ProductId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PriceListEntries_TenantId_ProductId",
                table: "PriceListEntries",
                columns: new[] { "TenantId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_PriceLists_TenantId_Currency_Segment",
                table: "PriceLists",
                columns: new[] { "TenantId", "Currency", "Segment" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_TenantId_Code",
                table: "Products",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_TenantId_Name",
                table: "Products",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_QuoteLines_ProductId",
                table: "QuoteLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_QuoteLines_QuoteId",
                table: "QuoteLines",
                column: "QuoteId");

            migrationBuilder.CreateIndex(
                name: "IX_QuoteLines_TenantId_ProductId",
                table: "QuoteLines",
                columns: new[] { "TenantId", "ProductId" });

            migrationBuilder.CreateIndex(
                name: "IX_QuoteLines_TenantId_QuoteId_Position",
                table: "QuoteLines",
                columns: new[] { "TenantId", "QuoteId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_AccountId",
                table: "Quotes",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_OpportunityId",
                table: "Quotes",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_TenantId_ApproverId_Status",
                table: "Quotes",
                columns: new[] { "TenantId", "ApproverId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_TenantId_CreatedAt_Id",
                table: "Quotes",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_TenantId_DeletedAt",
                table: "Quotes",
                columns: new[] { "TenantId", "DeletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_TenantId_OpportunityId",
                table: "Quotes",
                columns: new[] { "TenantId", "OpportunityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_TenantId_Sequence_Revision",
                table: "Quotes",
                columns: new[] { "TenantId", "Sequence", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuoteSettings_TenantId",
                table: "QuoteSettings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesTargets_TenantId_Period_SubjectKind_SubjectId_Currency",
                table: "SalesTargets",
                columns: new[] { "TenantId", "Period", "SubjectKind", "SubjectId", "Currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Segments_InsideSalesTeamId",
                table: "Segments",
                column: "InsideSalesTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Segments_TenantId_InsideSalesTeamId",
                table: "Segments",
                columns: new[] { "TenantId", "InsideSalesTeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_TenantId_Key",
                table: "Segments",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaxRates_TenantId_Country_TaxClass",
                table: "TaxRates",
                columns: new[] { "TenantId", "Country", "TaxClass" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_AccountId",
                table: "UpsellSignals",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_OpportunityId",
                table: "UpsellSignals",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_OwnerId",
                table: "UpsellSignals",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_RaisedBy",
                table: "UpsellSignals",
                column: "RaisedBy");

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_TenantId_AccountId_RaisedAt",
                table: "UpsellSignals",
                columns: new[] { "TenantId", "AccountId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_TenantId_OwnerId_Status",
                table: "UpsellSignals",
                columns: new[] { "TenantId", "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UpsellSignals_TenantId_RaisedBy_RaisedAt",
                table: "UpsellSignals",
                columns: new[] { "TenantId", "RaisedBy", "RaisedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Users_VisitorId",
                table: "Activities",
                column: "VisitorId",
                principalTable: "Users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Activities_Users_VisitorId",
                table: "Activities");

            migrationBuilder.DropTable(
                name: "LeadAssignmentRules");

            migrationBuilder.DropTable(
                name: "LeadFormSettings");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "LeadScoringRules");

            migrationBuilder.DropTable(
                name: "OpportunityContacts");

            migrationBuilder.DropTable(
                name: "OpportunityStageChanges");

            migrationBuilder.DropTable(
                name: "OrderLines");

            migrationBuilder.DropTable(
                name: "OutboxEvents");

            migrationBuilder.DropTable(
                name: "PriceListEntries");

            migrationBuilder.DropTable(
                name: "QuoteLines");

            migrationBuilder.DropTable(
                name: "QuoteSettings");

            migrationBuilder.DropTable(
                name: "SalesTargets");

            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropTable(
                name: "TaxRates");

            migrationBuilder.DropTable(
                name: "UpsellSignals");

            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropTable(
                name: "PriceLists");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Quotes");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "PipelineStages");

            migrationBuilder.DropTable(
                name: "Pipelines");

            migrationBuilder.DropIndex(
                name: "IX_Activities_TenantId_VisitorId_OccurredAt",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_VisitorId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "DefaultCurrency",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ContactIds",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "NextSteps",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "OpportunityIds",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ReportedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "VisitOutcome",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "VisitStatus",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "VisitorId",
                table: "Activities");
        }
    }
}
