"""Who the demo participants are: names, countries and languages by background.

All people are invented. The mix follows the seed documents: in Södertälje many came from Iraq
and Syria (K2), in Härnösand the group is mostly Swedish-born people far from the labour market
plus some newly arrived (Alla kan arbeta).
"""

from dataclasses import dataclass


def names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


@dataclass(frozen=True)
class Background:
    key: str
    country: str
    women: tuple[str, ...]
    men: tuple[str, ...]
    last_names: tuple[str, ...]
    # Mother tongues as (ISO 639 code, Swedish label in JobTech's taxonomy).
    languages: tuple[tuple[str, str], ...]
    newly_arrived: bool
    third_country: bool


SWEDISH = Background(
    key="swedish",
    country="Sverige",
    women=names(
        "Anna, Eva, Maria, Karin, Sara, Emma, Elin, Linnea, Johanna, Malin, Jenny, Camilla, "
        "Therese, Sofia, Ida, Frida, Matilda, Hanna, Lena, Ulrika, Annika, Susanne, Petra, "
        "Jessica, Madeleine, Ronja, Wilma, Tove"
    ),
    men=names(
        "Johan, Anders, Peter, Mikael, Lars, Erik, Magnus, Daniel, Fredrik, Mattias, Jonas, "
        "Marcus, Andreas, Tobias, Niklas, Robin, Kim, Sebastian, Patrik, Stefan, Thomas, "
        "Björn, Kenneth, Roger, Jimmy, Oskar, Viktor"
    ),
    last_names=names(
        "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, "
        "Svensson, Gustafsson, Pettersson, Jonsson, Jansson, Hansson, Bengtsson, Lindberg, "
        "Lindqvist, Lundgren, Berglund, Sundström, Öberg, Holmgren, Sjöberg, Wikström, "
        "Forsberg, Nyström, Åström, Hedlund, Ek"
    ),
    languages=(("sv", "Svenska"),),
    newly_arrived=False,
    third_country=False,
)

IRAQI_ARABIC = Background(
    key="arabic",
    country="Irak",
    women=names(
        "Fatima, Zainab, Noor, Maryam, Huda, Rana, Amal, Layla, Samira, Reem, Dalia, Hanan, "
        "Nadia, Shaima, Yasmin, Rasha, Suha, Ola"
    ),
    men=names(
        "Ahmed, Mohammed, Ali, Hussein, Omar, Mustafa, Haider, Karim, Yousef, Khalid, Samir, "
        "Bassam, Firas, Ammar, Tariq, Laith, Zaid, Hassan"
    ),
    last_names=names(
        "Al-Jabouri, Hassan, Abdullah, Kadhim, Al-Saadi, Jawad, Hamid, Salman, Mahmoud, "
        "Al-Obaidi, Aziz, Rashid, Haddad, Khalil, Mansour, Nasser"
    ),
    languages=(("ar", "Arabiska"),),
    newly_arrived=True,
    third_country=True,
)

SYRIAN = Background(
    key="syrian",
    country="Syrien",
    women=names(
        "Rima, Lina, Rania, Ghada, Sawsan, Mayssa, Nour, Hiba, Aya, Sidra, Maya, Jana, Sham, Ruba"
    ),
    men=names(
        "Mahmoud, Fadi, Bashar, Rami, Anas, Wael, Majd, Hamza, Iyad, Ghaith, Nizar, Qusai, "
        "Adnan, Yamen"
    ),
    last_names=names(
        "Al-Hamwi, Darwish, Kurdi, Sabbagh, Halabi, Ibrahim, Shami, Suleiman, Haj Ali, "
        "Othman, Youssef, Zaher, Attar, Khatib"
    ),
    languages=(("ar", "Arabiska"),),
    newly_arrived=True,
    third_country=True,
)

ASSYRIAN = Background(
    key="assyrian",
    country="Irak",
    women=names(
        "Ninva, Shamiram, Yalda, Ramina, Nahrain, Marta, Sargonia, Jacqueline, Rita, Mariam, "
        "Sabrina, Ilona"
    ),
    men=names(
        "Gabriel, Sargon, Ashur, Ninib, Yosip, Aram, Danial, Shlimon, Elias, Yacoub, Robert, Fadi"
    ),
    last_names=names(
        "Gabriel, Yacoub, Khoshaba, Issa, Barsom, Toma, Shamoun, Odisho, Benjamin, Hanna, "
        "Aho, Malke"
    ),
    languages=(("syr", "Västassyriska/Syrianska"), ("ar", "Arabiska")),
    newly_arrived=True,
    third_country=True,
)

SOMALI = Background(
    key="somali",
    country="Somalia",
    women=names(
        "Fadumo, Hodan, Ayaan, Khadra, Sahra, Nimco, Hibaaq, Ifrah, Ubah, Ilhan, Deeqa, "
        "Filsan, Sagal, Hawa"
    ),
    men=names(
        "Abdirahman, Mohamed, Abdullahi, Hassan, Farah, Abdikadir, Liban, Bashir, Yusuf, "
        "Mahad, Guled, Abdiaziz, Ismail, Osman"
    ),
    last_names=names(
        "Abdi, Warsame, Farah, Hussein, Ali, Jama, Mohamud, Nur, Osman, Yusuf, Aden, Hirsi, "
        "Egal, Dirie"
    ),
    languages=(("so", "Somaliska"),),
    newly_arrived=True,
    third_country=True,
)

ERITREAN = Background(
    key="tigrinya",
    country="Eritrea",
    women=names(
        "Senait, Helen, Saba, Mebrat, Tsega, Yordanos, Luwam, Selam, Rahel, Winta, Feven, Hiwet"
    ),
    men=names(
        "Yonas, Dawit, Tesfay, Samuel, Filmon, Mehari, Habtom, Kidane, Biniam, Robel, "
        "Amanuel, Efrem"
    ),
    last_names=names(
        "Tesfamariam, Ghebremedhin, Haile, Kahsay, Berhane, Woldu, Asmerom, Mebrahtu, Tekle, "
        "Gebru, Negash, Yohannes"
    ),
    languages=(("ti", "Tigrinska/Tigrinja"),),
    newly_arrived=True,
    third_country=True,
)

AFGHAN = Background(
    key="dari",
    country="Afghanistan",
    women=names(
        "Zahra, Mariam, Fereshta, Nilofar, Shabnam, Parwana, Mursal, Sodaba, Freshta, Hasina, "
        "Laila, Roya"
    ),
    men=names(
        "Ahmad, Mohammad, Ali Reza, Mustafa, Jawad, Farid, Hamid, Sayed, Nasir, Rahmatullah, "
        "Omid, Habib"
    ),
    last_names=names(
        "Ahmadi, Hosseini, Rezaei, Mohammadi, Karimi, Sultani, Haidari, Rahimi, Jafari, "
        "Azizi, Noori, Sadat"
    ),
    languages=(("prs", "Dari"),),
    newly_arrived=True,
    third_country=True,
)

IRANIAN = Background(
    key="persian",
    country="Iran",
    women=names("Shirin, Parisa, Leila, Mahsa, Niloofar, Azadeh, Golnaz, Sara, Mina"),
    men=names("Reza, Babak, Kaveh, Amir, Behzad, Farhad, Dariush, Saeed, Arash"),
    last_names=names(
        "Tehrani, Moradi, Ghasemi, Ebrahimi, Kazemi, Shirazi, Bahrami, Sadeghi, Farahani"
    ),
    languages=(("fa", "Persiska/Farsi"),),
    newly_arrived=True,
    third_country=True,
)

BOSNIAN = Background(
    key="bosnian",
    country="Bosnien och Hercegovina",
    women=names("Amra, Lejla, Emina, Selma, Azra, Mirela, Jasmina, Sanela, Aida"),
    men=names("Emir, Adnan, Haris, Mirza, Senad, Amir, Dino, Edin, Nermin"),
    last_names=names("Hodžić, Hadžić, Begić, Delić, Kovačević, Mujić, Husić, Alić, Šehić"),
    languages=(("bs", "Bosniska"),),
    newly_arrived=False,
    third_country=True,
)

POLISH = Background(
    key="polish",
    country="Polen",
    women=names("Agnieszka, Katarzyna, Magdalena, Joanna, Ewa, Monika, Aleksandra"),
    men=names("Piotr, Tomasz, Krzysztof, Paweł, Marcin, Łukasz, Grzegorz"),
    last_names=names("Nowak, Kowalski, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński"),
    languages=(("pl", "Polska"),),
    newly_arrived=False,
    third_country=False,
)

THAI = Background(
    key="thai",
    country="Thailand",
    women=names("Siriporn, Nong, Malee, Pensri, Kanya, Somsri, Wanida, Ratana"),
    men=names("Somchai, Anan, Prasert, Niran, Chaiya"),
    last_names=names("Saetang, Srisuk, Chaiyaporn, Wongsa, Boonmee, Phromma, Kaewkla"),
    languages=(("th", "Thailändska"),),
    newly_arrived=False,
    third_country=True,
)

UKRAINIAN = Background(
    key="ukrainian",
    country="Ukraina",
    women=names("Olena, Iryna, Oksana, Natalia, Tetiana, Yulia, Kateryna"),
    men=names("Oleksandr, Andrii, Serhii, Dmytro, Volodymyr"),
    last_names=names("Kovalenko, Shevchenko, Bondarenko, Tkachenko, Melnyk, Kravchenko"),
    languages=(("uk", "Ukrainska"),),
    newly_arrived=True,
    third_country=True,
)

# (background, weight) for each demo organisation.
ARBETSLIVSKRAFT_MIX = (
    (SWEDISH, 22), (IRAQI_ARABIC, 18), (SYRIAN, 14), (ASSYRIAN, 12), (SOMALI, 8), (ERITREAN, 6),
    (AFGHAN, 6), (IRANIAN, 3), (BOSNIAN, 3), (POLISH, 3), (THAI, 3), (UKRAINIAN, 2),
)  # fmt: skip
ALLA_KAN_ARBETA_MIX = (
    (SWEDISH, 55), (SOMALI, 10), (ERITREAN, 8), (AFGHAN, 8), (SYRIAN, 7), (THAI, 4),
    (POLISH, 3), (BOSNIAN, 2), (UKRAINIAN, 3),
)  # fmt: skip

# Staff names for coaches beyond the named logins.
STAFF_FIRST_NAMES = names(
    "Annika, Jonas, Leila, Mikael, Sofia, Ahmed, Helena, Daniel, Nadia, Per, Elin, Yusuf, "
    "Malin, Rami, Josefin, Fredrik, Sanna, Dawit, Therese, Emir"
)
STAFF_LAST_NAMES = names(
    "Lindström, Haddad, Berg, Abdi, Holm, Sundberg, Karimi, Nyberg, Gabriel, Strand, "
    "Ekström, Tesfaye, Wallin, Nordin, Hodžić, Lund, Sandberg, Falk"
)
