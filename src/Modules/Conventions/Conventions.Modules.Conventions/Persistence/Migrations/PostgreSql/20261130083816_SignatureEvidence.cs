using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Conventions.Modules.Conventions.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class SignatureEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                schema: "conventions",
                table: "convention_signatures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                schema: "conventions",
                table: "convention_signatures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                schema: "conventions",
                table: "convention_signatures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CredentialLabel",
                schema: "conventions",
                table: "convention_signatures",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                schema: "conventions",
                table: "convention_signatures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                schema: "conventions",
                table: "convention_signatures",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                schema: "conventions",
                table: "convention_history",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                schema: "conventions",
                table: "convention_history",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientAddress",
                schema: "conventions",
                table: "amendment_signatures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                schema: "conventions",
                table: "amendment_signatures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CredentialId",
                schema: "conventions",
                table: "amendment_signatures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CredentialLabel",
                schema: "conventions",
                table: "amendment_signatures",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                schema: "conventions",
                table: "amendment_signatures",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserAgent",
                schema: "conventions",
                table: "amendment_signatures",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientAddress",
                schema: "conventions",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "ContactId",
                schema: "conventions",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                schema: "conventions",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialLabel",
                schema: "conventions",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                schema: "conventions",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                schema: "conventions",
                table: "convention_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                schema: "conventions",
                table: "convention_history");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                schema: "conventions",
                table: "convention_history");

            migrationBuilder.DropColumn(
                name: "ClientAddress",
                schema: "conventions",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "ContactId",
                schema: "conventions",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialId",
                schema: "conventions",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "CredentialLabel",
                schema: "conventions",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                schema: "conventions",
                table: "amendment_signatures");

            migrationBuilder.DropColumn(
                name: "UserAgent",
                schema: "conventions",
                table: "amendment_signatures");
        }
    }
}
