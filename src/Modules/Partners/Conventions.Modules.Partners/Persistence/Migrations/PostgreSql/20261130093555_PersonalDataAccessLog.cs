using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Partners.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class PersonalDataAccessLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_data_access",
                schema: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CredentialId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Resource = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Request = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_access", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_At_Id",
                schema: "partners",
                table: "personal_data_access",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_OrganizationId_At_Id",
                schema: "partners",
                table: "personal_data_access",
                columns: new[] { "OrganizationId", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_data_access",
                schema: "partners");
        }
    }
}
