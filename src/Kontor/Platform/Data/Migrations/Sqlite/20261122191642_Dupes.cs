using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontor.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dupes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MatchName",
                table: "Contacts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchName",
                table: "Accounts",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MatchPostalCode",
                table: "Accounts",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_MatchName",
                table: "Contacts",
                columns: new[] { "TenantId", "MatchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_MobilePhone",
                table: "Contacts",
                columns: new[] { "TenantId", "MobilePhone" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_Phone",
                table: "Contacts",
                columns: new[] { "TenantId", "Phone" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_Email",
                table: "Accounts",
                columns: new[] { "TenantId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_MatchName",
                table: "Accounts",
                columns: new[] { "TenantId", "MatchName" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_MatchPostalCode",
                table: "Accounts",
                columns: new[] { "TenantId", "MatchPostalCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_Phone",
                table: "Accounts",
                columns: new[] { "TenantId", "Phone" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TenantId_VatId",
                table: "Accounts",
                columns: new[] { "TenantId", "VatId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_MatchName",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_MobilePhone",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_Phone",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_Email",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_MatchName",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_MatchPostalCode",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_Phone",
                table: "Accounts");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TenantId_VatId",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "MatchName",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MatchName",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "MatchPostalCode",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Accounts");
        }
    }
}
