using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CredentialClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExpiryNoticeDays",
                table: "partners_credentials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partners_credential_claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplacesCredentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimableUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CredentialId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners_credential_claims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_partners_credential_claims_ReplacesCredentialId",
                table: "partners_credential_claims",
                column: "ReplacesCredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_partners_credential_claims_TokenHash",
                table: "partners_credential_claims",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partners_credential_claims");

            migrationBuilder.DropColumn(
                name: "ExpiryNoticeDays",
                table: "partners_credentials");
        }
    }
}
