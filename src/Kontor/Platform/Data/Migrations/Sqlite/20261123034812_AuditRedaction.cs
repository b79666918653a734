using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kontor.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditRedaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangedByRedactedAt",
                table: "FieldChanges",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonalDigest",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonalSalt",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RedactedAt",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RedactedBy",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangedByRedactedAt",
                table: "FieldChanges");

            migrationBuilder.DropColumn(
                name: "PersonalDigest",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "PersonalSalt",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "RedactedAt",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "RedactedBy",
                table: "AuditEntries");
        }
    }
}
