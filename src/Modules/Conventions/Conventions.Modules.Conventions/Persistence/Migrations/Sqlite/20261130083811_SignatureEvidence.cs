using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class SignatureEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "convention_signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                table: "convention_signatures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                table: "convention_signatures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CredentialLabel",
                table: "convention_signatures",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                table: "convention_signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "convention_signatures",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                table: "convention_history",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                table: "convention_history",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                table: "amendment_signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                table: "amendment_signatures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                table: "amendment_signatures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CredentialLabel",
                table: "amendment_signatures",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                table: "amendment_signatures",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                table: "amendment_signatures",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialLabel",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                table: "convention_history");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                table: "convention_history");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialLabel",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                table: "amendment_signatures");
        }
    }
}
