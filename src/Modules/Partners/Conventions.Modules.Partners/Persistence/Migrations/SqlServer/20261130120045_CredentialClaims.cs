using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    internal partial class CredentialClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExpiryNoticeDays",
                schema: "partners",
                table: "credentials",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "credential_claims",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    KeyExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplacesCredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClaimableUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CredentialId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credential_claims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_credential_claims_ReplacesCredentialId",
                schema: "partners",
                table: "credential_claims",
                column: "ReplacesCredentialId");

            migrationBuilder.CreateIndex(
                name: "IX_credential_claims_TokenHash",
                schema: "partners",
                table: "credential_claims",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credential_claims",
                schema: "partners");

            migrationBuilder.DropColumn(
                name: "ExpiryNoticeDays",
                schema: "partners",
                table: "credentials");
        }
    }
}
