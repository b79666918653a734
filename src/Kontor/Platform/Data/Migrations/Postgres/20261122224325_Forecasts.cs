using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontor.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Forecasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "ContactIds",
                table: "Activities",
                type: "uuid[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextSteps",
                table: "Activities",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "OpportunityIds",
                table: "Activities",
                type: "uuid[]",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportedAt",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Activities",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitOutcome",
                table: "Activities",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitStatus",
                table: "Activities",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VisitorId",
                table: "Activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SalesTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    SetBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UpsellSignals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CallId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_VisitorId_OccurredAt",
                table: "Activities",
                columns: new[] { "TenantId", "VisitorId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_VisitorId",
                table: "Activities",
                column: "VisitorId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesTargets_TenantId_Period_SubjectKind_SubjectId_Currency",
                table: "SalesTargets",
                columns: new[] { "TenantId", "Period", "SubjectKind", "SubjectId", "Currency" },
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
                name: "SalesTargets");

            migrationBuilder.DropTable(
                name: "UpsellSignals");

            migrationBuilder.DropIndex(
                name: "IX_Activities_TenantId_VisitorId_OccurredAt",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_VisitorId",
                table: "Activities");

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
