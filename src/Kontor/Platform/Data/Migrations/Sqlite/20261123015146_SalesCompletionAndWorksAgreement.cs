using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontor.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SalesCompletionAndWorksAgreement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Users",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Leads",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployerApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    EmployerApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WorksCouncilApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    WorksCouncilApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InForceFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    InForceUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityProducts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ProductName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceListId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DiscountPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    DiscountAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    GrossAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    LineDiscount = table.Column<long>(type: "INTEGER", nullable: false),
                    NetAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityProducts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityProducts_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpportunityProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityStageTotals",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PipelineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsideSalesTeamKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityStageTotals", x => new { x.TenantId, x.PipelineId, x.StageId, x.Currency, x.OwnerId, x.InsideSalesTeamKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_TenantId_ExternalId",
                table: "Leads",
                columns: new[] { "TenantId", "ExternalId" },
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_TenantId_Number",
                table: "AgreementVersions",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_TenantId_Status",
                table: "AgreementVersions",
                columns: new[] { "TenantId", "Status" },
                unique: true,
                filter: "\"Status\" IN ('InForce', 'Proposed')");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityProducts_OpportunityId",
                table: "OpportunityProducts",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityProducts_ProductId",
                table: "OpportunityProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityProducts_TenantId_OpportunityId_Position",
                table: "OpportunityProducts",
                columns: new[] { "TenantId", "OpportunityId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityProducts_TenantId_ProductId",
                table: "OpportunityProducts",
                columns: new[] { "TenantId", "ProductId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropTable(
                name: "OpportunityProducts");

            migrationBuilder.DropTable(
                name: "OpportunityStageTotals");

            migrationBuilder.DropIndex(
                name: "IX_Leads_TenantId_ExternalId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Leads");
        }
    }
}
