using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontor.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Leads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeadAssignmentRules");

            migrationBuilder.DropTable(
                name: "LeadFormSettings");

            migrationBuilder.DropTable(
                name: "Leads");

            migrationBuilder.DropTable(
                name: "LeadScoringRules");
        }
    }
}
